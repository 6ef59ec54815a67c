package dev.stave.access.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's user-name/password check, behind the {@link LoginThrottle}: a locked name is
 * refused before its password is looked at, and every wrong password counts.
 */
final class ThrottledLogin implements AuthenticationProvider {
  private final DaoAuthenticationProvider delegate;
  private final LoginThrottle throttle;

  ThrottledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
    this.delegate = new DaoAuthenticationProvider(users);
    this.delegate.setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String login = authentication.getName();
    if (throttle.locked(login)) {
      throw new LockedException("too many failed logins for this account; try again later");
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(login);
      return result;
    } catch (BadCredentialsException e) {
      throttle.failed(login);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

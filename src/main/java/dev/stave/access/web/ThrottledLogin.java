package dev.stave.access.web;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's user-name/password check, behind the {@link LoginThrottle}: a locked account is
 * refused before its password is looked at, and every wrong password counts.
 *
 * <p>Failures count against the account the typed name resolves to (its user id), so its user name
 * and its e-mail address share one count: a guesser gets {@link LoginThrottle#MAX_FAILURES} tries
 * per account, not per spelling. A name that is no account counts against the typed name itself,
 * and locks just the same, so that the throttle does not tell which names exist.
 */
final class ThrottledLogin implements AuthenticationProvider {
  private final DaoAuthenticationProvider delegate;
  private final UserDetailsService users;
  private final LoginThrottle throttle;

  ThrottledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
    this.delegate = new DaoAuthenticationProvider(users);
    this.delegate.setPasswordEncoder(encoder);
    this.users = users;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    LoginThrottle.Key key = keyOf(authentication.getName());
    if (throttle.locked(key)) {
      throw new LockedException("too many failed logins for this account; try again later");
    }
    try {
      Authentication result = delegate.authenticate(authentication);
      throttle.succeeded(key);
      return result;
    } catch (BadCredentialsException e) {
      throttle.failed(key);
      throw e;
    }
  }

  private LoginThrottle.Key keyOf(String login) {
    try {
      // the principal's name is the account's user id (AccountUserDetails)
      return LoginThrottle.Key.account(users.loadUserByUsername(login).getUsername());
    } catch (UsernameNotFoundException e) {
      return LoginThrottle.Key.typedName(login);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

package dev.stave.access;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Logs users in by user name or e-mail address. The principal's name is the user id, so that the
 * authorizations and consents stored for it survive a change of name or e-mail. Operators' accounts
 * also get {@link #OPERATOR}.
 */
@Component
public class AccountUserDetails implements UserDetailsService {
  /** Every account's authority. */
  public static final String USER = "ROLE_USER";

  /** The authority of operators' accounts: what the operator console asks for. */
  public static final String OPERATOR = "ROLE_OPERATOR";

  private final Accounts accounts;

  public AccountUserDetails(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String login) {
    Accounts.Login l =
        accounts.login(login).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    return User.withUsername(String.valueOf(l.userId()))
        .password(l.passwordHash())
        .disabled(!l.active())
        .authorities(l.operator() ? new String[] {USER, OPERATOR} : new String[] {USER})
        .build();
  }
}

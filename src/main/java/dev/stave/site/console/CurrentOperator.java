package dev.stave.site.console;

import dev.stave.access.Accounts;
import java.security.Principal;
import org.springframework.stereotype.Component;

/**
 * The operator behind a console request: the principal's name is the account's user id (see
 * AccountUserDetails); the audit log wants the user name too.
 */
@Component
class CurrentOperator {
  private final Accounts accounts;

  CurrentOperator(Accounts accounts) {
    this.accounts = accounts;
  }

  OperatorActions.Operator of(Principal principal) {
    long id = Long.parseLong(principal.getName());
    String name = accounts.find(id).map(a -> a.user().name()).orElse("?");
    return new OperatorActions.Operator(id, name);
  }
}

package dev.stave.cli;

import dev.stave.access.Accounts;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage user accounts (users who log in to grant apps access).",
    subcommands = {
      UsersCommand.Create.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.GrantOperator.class,
      UsersCommand.RevokeOperator.class
    })
public class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  abstract static class UserTask implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
        return run(ctx.getBean(Accounts.class));
      }
    }

    abstract int run(Accounts accounts);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a user account. The password is asked for unless given.")
  static class Create extends UserTask {
    @Parameters(index = "0", paramLabel = "NAME", description = "User name (also the login)")
    String name;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "E-mail address (unique)")
    String email;

    @Option(
        names = "--password",
        interactive = true,
        arity = "0..1",
        description =
            "The password (at least 8 characters); without a value it is read from the console"
                + " or the first line of standard input")
    char[] password;

    @Override
    int run(Accounts accounts) {
      if (password == null) {
        throw new IllegalArgumentException("give a password with --password");
      }
      var user = accounts.create(name, email, new String(password));
      System.out.println("Created user '" + user.name() + "' (id " + user.id() + ").");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List user accounts.")
  static class ListUsers extends UserTask {
    @Override
    int run(Accounts accounts) {
      var all = accounts.list();
      if (all.isEmpty()) {
        System.out.println("No accounts. Create one with: stave users create NAME EMAIL");
      }
      all.forEach(
          a ->
              System.out.printf(
                  Locale.ROOT,
                  "%6d  %-8s  %-8s  %s  %s  (created %s)%n",
                  a.user().id(),
                  a.active() ? "active" : "disabled",
                  a.operator() ? "operator" : "user",
                  a.user().name(),
                  a.user().email(),
                  a.createdAt()));
      return 0;
    }
  }

  /** Disables or enables an account. */
  abstract static class SetActive extends UserTask {
    @Parameters(paramLabel = "NAME_OR_EMAIL")
    String login;

    abstract boolean active();

    @Override
    int run(Accounts accounts) {
      long id = accounts.setActive(login, active());
      System.out.println((active() ? "Enabled" : "Disabled") + " user " + id + ".");
      return 0;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable an account: it cannot log in and its tokens stop working.")
  static class Disable extends SetActive {
    @Override
    boolean active() {
      return false;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable an account.")
  static class Enable extends SetActive {
    @Override
    boolean active() {
      return true;
    }
  }

  /** Grants or revokes the operator role. */
  abstract static class SetOperator extends UserTask {
    @Parameters(paramLabel = "NAME_OR_EMAIL")
    String login;

    abstract boolean operator();

    @Override
    int run(Accounts accounts) {
      long id = accounts.setOperator(login, operator());
      System.out.println(
          (operator() ? "User " + id + " is now an operator" : "User " + id + " is no operator")
              + " (from the account's next login).");
      return 0;
    }
  }

  @Command(
      name = "grant-operator",
      mixinStandardHelpOptions = true,
      description =
          "Make an account an operator's: it may open the operator console (/console) at its next"
              + " login.")
  static class GrantOperator extends SetOperator {
    @Override
    boolean operator() {
      return true;
    }
  }

  @Command(
      name = "revoke-operator",
      mixinStandardHelpOptions = true,
      description = "Take the operator role from an account (from its next login).")
  static class RevokeOperator extends SetOperator {
    @Override
    boolean operator() {
      return false;
    }
  }
}

package dev.stave.cli;

import dev.stave.access.Accounts;
import dev.stave.subsonic.auth.SubsonicCredentials;
import dev.stave.subsonic.auth.SubsonicCredentials.Kind;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stave users subsonic-password NAME} and {@code stave users subsonic-api-key NAME}: give an
 * account a new Subsonic password or API key for music players (printed once; the old one stops
 * working), or take it away with {@code --revoke}. Kept apart from {@link UsersCommand}, which only
 * lists them, so the Subsonic feature's commands stay together. The two commands differ only in
 * their {@link Kind} (and their help text): each is a name for {@link CredentialTask}.
 */
final class SubsonicCredentialCommands {
  private SubsonicCredentialCommands() {}

  abstract static class CredentialTask implements Callable<Integer> {
    private final Kind kind;

    @Mixin StoreOptions store;

    @Parameters(paramLabel = "NAME_OR_EMAIL", description = "The account")
    String login;

    @Option(names = "--revoke", description = "Remove it instead: players using it are refused")
    boolean revoke;

    CredentialTask(Kind kind) {
      this.kind = kind;
    }

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
        long userId =
            ctx.getBean(Accounts.class)
                .login(login)
                .orElseThrow(() -> new IllegalArgumentException("no account named " + login))
                .userId();
        SubsonicCredentials credentials = ctx.getBean(SubsonicCredentials.class);
        if (revoke) {
          System.out.println(
              credentials.revoke(kind, userId)
                  ? "Revoked the " + kind.label() + " of " + login + "."
                  : login + " had no " + kind.label() + ".");
        } else {
          System.out.println(
              "The " + kind.label() + " of " + login + ": " + credentials.create(kind, userId));
          System.out.println("It is not shown again; it is not the login password.");
        }
        return 0;
      }
    }
  }

  @Command(
      name = "subsonic-password",
      mixinStandardHelpOptions = true,
      description =
          "Create (or replace) the account's Subsonic password for music players, and print it"
              + " once. It is not the login password.")
  static class Password extends CredentialTask {
    Password() {
      super(Kind.PASSWORD);
    }
  }

  @Command(
      name = "subsonic-api-key",
      mixinStandardHelpOptions = true,
      description = "Create (or replace) the account's OpenSubsonic API key, and print it once.")
  static class ApiKey extends CredentialTask {
    ApiKey() {
      super(Kind.API_KEY);
    }
  }
}

package dev.stave.cli;

import dev.stave.access.Accounts;
import dev.stave.subsonic.auth.SubsonicCredentials;
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
 * lists them, so the Subsonic feature's commands stay together.
 */
final class SubsonicCredentialCommands {
  private SubsonicCredentialCommands() {}

  abstract static class CredentialTask implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(paramLabel = "NAME_OR_EMAIL", description = "The account")
    String login;

    @Option(names = "--revoke", description = "Remove it instead: players using it are refused")
    boolean revoke;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
        long userId =
            ctx.getBean(Accounts.class)
                .login(login)
                .orElseThrow(() -> new IllegalArgumentException("no account named " + login))
                .userId();
        run(ctx.getBean(SubsonicCredentials.class), userId);
        return 0;
      }
    }

    abstract void run(SubsonicCredentials credentials, long userId);
  }

  @Command(
      name = "subsonic-password",
      mixinStandardHelpOptions = true,
      description =
          "Create (or replace) the account's Subsonic password for music players, and print it"
              + " once. It is not the login password.")
  static class Password extends CredentialTask {
    @Override
    void run(SubsonicCredentials credentials, long userId) {
      if (revoke) {
        System.out.println(
            credentials.revokePassword(userId)
                ? "Revoked the Subsonic password of " + login + "."
                : login + " had no Subsonic password.");
        return;
      }
      System.out.println("Subsonic password of " + login + ": " + credentials.newPassword(userId));
      System.out.println("Type it into the player with the user name; it is not shown again.");
    }
  }

  @Command(
      name = "subsonic-api-key",
      mixinStandardHelpOptions = true,
      description = "Create (or replace) the account's OpenSubsonic API key, and print it once.")
  static class ApiKey extends CredentialTask {
    @Override
    void run(SubsonicCredentials credentials, long userId) {
      if (revoke) {
        System.out.println(
            credentials.revokeApiKey(userId)
                ? "Revoked the API key of " + login + "."
                : login + " had no API key.");
        return;
      }
      System.out.println("API key of " + login + ": " + credentials.newApiKey(userId));
      System.out.println("It is not shown again.");
    }
  }
}

package dev.stave.subsonic.auth;

import dev.stave.access.Accounts;
import dev.stave.access.web.LoginThrottle;
import dev.stave.library.LibraryStore;
import dev.stave.library.User;
import dev.stave.subsonic.api.SubsonicCode;
import dev.stave.subsonic.api.SubsonicException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Authenticates a Subsonic call the three ways players do: {@code u} + {@code p} (clear or {@code
 * enc:}hex), {@code u} + {@code t} = md5(password + {@code s}) + {@code s}, and the OpenSubsonic
 * {@code apiKey} alone. The password is the account's Subsonic password ({@link
 * SubsonicCredentials}), never its login password.
 *
 * <p>Wrong passwords are throttled as the login page's are ({@link LoginThrottle}: five failures
 * lock the account, or the typed name, for 15 minutes), in an instance of its own, so that a player
 * left with an old password locks its own way in, not the web login. A wrong API key cannot be
 * throttled per account (it names none); it is 256 random bits, beyond guessing, and the caller's
 * address limits still count each try.
 */
@Component
public class SubsonicAuthenticator {
  private final Accounts accounts;
  private final SubsonicCredentials credentials;
  private final LibraryStore library;
  private final LoginThrottle throttle = new LoginThrottle();

  public SubsonicAuthenticator(
      Accounts accounts, SubsonicCredentials credentials, LibraryStore library) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.library = library;
  }

  /** The authenticated account. */
  public record Account(long userId, String name) {}

  /**
   * Authenticates from the request's parameters ({@code param} gives each one's first value or
   * null).
   *
   * @throws SubsonicException with code 10, 40, 41, 43 or 44
   */
  public Account authenticate(Function<String, String> param) {
    String u = param.apply("u");
    String p = param.apply("p");
    String t = param.apply("t");
    String s = param.apply("s");
    String apiKey = param.apply("apiKey");
    if (apiKey != null) {
      if (u != null || p != null || t != null) {
        throw new SubsonicException(
            SubsonicCode.CONFLICTING_MECHANISMS,
            "Multiple conflicting authentication mechanisms provided: apiKey goes without u, p"
                + " and t");
      }
      return credentials
          .userOfApiKey(apiKey)
          .filter(accounts::isActive)
          .map(this::account)
          .orElseThrow(
              () ->
                  new SubsonicException(
                      SubsonicCode.INVALID_API_KEY,
                      "Invalid API key: parameter 'apiKey' is no active key of this server"));
    }
    if (u == null) {
      throw SubsonicException.missing("u (or apiKey)");
    }
    if (p != null && t != null) {
      throw new SubsonicException(
          SubsonicCode.CONFLICTING_MECHANISMS,
          "Multiple conflicting authentication mechanisms provided: give p or t, not both");
    }
    if (p == null && t == null) {
      throw SubsonicException.missing("p (or t and s)");
    }
    if (t != null && s == null) {
      throw SubsonicException.missing("s (the salt of token t)");
    }
    Optional<Accounts.Login> login = accounts.login(u);
    LoginThrottle.Key key =
        login
            .map(l -> LoginThrottle.Key.account(Long.toString(l.userId())))
            .orElseGet(() -> LoginThrottle.Key.typedName(u));
    if (throttle.locked(key)) {
      throw new SubsonicException(
          SubsonicCode.WRONG_CREDENTIALS,
          "Too many failed logins for user '"
              + u
              + "'; try again in "
              + LoginThrottle.LOCK.toMinutes()
              + " minutes");
    }
    if (login.isEmpty() || !login.get().active()) {
      throttle.failed(key);
      throw wrong(u);
    }
    long userId = login.get().userId();
    Optional<String> password = credentials.password(userId);
    if (password.isEmpty()) {
      throttle.failed(key);
      if (t != null) {
        throw new SubsonicException(
            SubsonicCode.TOKEN_NOT_SUPPORTED,
            "Token authentication not supported for user '"
                + u
                + "': the account has no Subsonic password (create one on the account page or"
                + " with 'stave users subsonic-password'), or use an API key");
      }
      throw wrong(u);
    }
    boolean ok =
        t != null ? tokenMatches(password.get(), s, t) : passwordMatches(password.get(), p);
    if (!ok) {
      throttle.failed(key);
      throw wrong(u);
    }
    throttle.succeeded(key);
    return account(userId);
  }

  private Account account(long userId) {
    List<User> user = library.users(List.of(userId));
    return new Account(userId, user.isEmpty() ? Long.toString(userId) : user.getFirst().name());
  }

  private static SubsonicException wrong(String u) {
    return new SubsonicException(
        SubsonicCode.WRONG_CREDENTIALS,
        "Wrong username or password for user '"
            + u
            + "' (the Subsonic password of the account, not its login password)");
  }

  static boolean passwordMatches(String password, String p) {
    String given = p;
    if (p.startsWith("enc:")) {
      try {
        given = new String(HexFormat.of().parseHex(p.substring(4)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return MessageDigest.isEqual(
        password.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  static boolean tokenMatches(String password, String salt, String token) {
    try {
      byte[] md5 =
          MessageDigest.getInstance("MD5")
              .digest((password + salt).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(
          HexFormat.of().formatHex(md5).getBytes(StandardCharsets.US_ASCII),
          token.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.stave.access;

import dev.stave.catalog.CatalogStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.User;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User accounts: users (the library's {@code users} rows) who can log in with a password. Imported
 * users have no account. Names and e-mail addresses are unique (e-mail case-insensitively);
 * passwords are stored as hashes of the {@link PasswordEncoder}.
 */
@Component
public class Accounts {
  /**
   * Users who sign up get ids from here up; imported users (real Jamendo ids are far below) and the
   * demo catalog's listeners (1, 2, …) keep theirs, so an import or the demo seeding of a first
   * {@code serve} never overwrites an account's user. Still below 2^31 for clients that read ids as
   * 32-bit integers.
   */
  public static final long FIRST_ID = 1_000_000_000L;

  /** Shortest password accepted. */
  public static final int MIN_PASSWORD = 8;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,39}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final CatalogStore catalog;
  private final PasswordEncoder encoder;

  public Accounts(
      JdbcTemplate jdbc, TransactionTemplate tx, CatalogStore catalog, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.catalog = catalog;
    this.encoder = encoder;
  }

  /** Why an account could not be created. */
  public enum Problem {
    INVALID,
    NAME_TAKEN,
    EMAIL_TAKEN
  }

  /** An account that could not be created, with a message for the person signing up. */
  public static final class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;
    private final String field;

    AccountException(Problem problem, String field, String message) {
      super(message);
      this.problem = problem;
      this.field = field;
    }

    public Problem problem() {
      return problem;
    }

    /** The sign-up field at fault ({@code name}, {@code email} or {@code password}). */
    public String field() {
      return field;
    }
  }

  /**
   * An account with its user, state, creation time and whether it is an operator's (who may open
   * the operator console).
   */
  public record Account(User user, boolean active, Instant createdAt, boolean operator) {}

  /**
   * What a login needs: the user id, the stored password hash, whether the account is on and
   * whether it is an operator's.
   */
  public record Login(long userId, String passwordHash, boolean active, boolean operator) {}

  /** One page of accounts, and how many match in all. */
  public record AccountPage(List<Account> accounts, long total) {}

  /**
   * Creates a user with an account.
   *
   * @throws AccountException for an invalid name, e-mail or password, or a name or e-mail already
   *     in use
   */
  public User create(String name, String email, String password) {
    String n = name == null ? "" : name.strip();
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw new AccountException(
          Problem.INVALID,
          "name",
          "The name must be 2 to 40 letters, digits, dots, dashes or underscores.");
    }
    if (!EMAIL.matcher(e).matches()) {
      throw new AccountException(Problem.INVALID, "email", "That is not an e-mail address.");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new AccountException(
          Problem.INVALID,
          "password",
          "The password must have at least " + MIN_PASSWORD + " characters.");
    }
    String hash = encoder.encode(password);
    for (int attempt = 0; ; attempt++) {
      try {
        return tx.execute(status -> insert(n, e, hash));
      } catch (DuplicateKeyException race) {
        // Another writer took the same id (or name/e-mail) between our check and our insert.
        if (attempt == 2) {
          throw race;
        }
      }
    }
  }

  private User insert(String name, String email, String hash) {
    Integer nameTaken =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM users WHERE LOWER(name) = ?",
            Integer.class,
            name.toLowerCase(Locale.ROOT));
    if (nameTaken != null && nameTaken > 0) {
      throw new AccountException(
          Problem.NAME_TAKEN, "name", "The name '" + name + "' is already taken.");
    }
    Integer emailTaken =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM users WHERE LOWER(email) = ?", Integer.class, email);
    if (emailTaken != null && emailTaken > 0) {
      throw new AccountException(
          Problem.EMAIL_TAKEN,
          "email",
          "An account with the e-mail address " + email + " already exists.");
    }
    Long max = jdbc.queryForObject("SELECT MAX(id) FROM users WHERE id >= ?", Long.class, FIRST_ID);
    long id = max == null ? FIRST_ID : max + 1;
    Instant now = Instant.now();
    User user =
        User.builder()
            .id(id)
            .name(name)
            .email(email)
            .creationDate(LocalDate.ofInstant(now, ZoneOffset.UTC))
            .build();
    catalog.write(LibraryTables.USERS, List.of(user));
    jdbc.update(
        "INSERT INTO accounts (user_id, password_hash, state, created_at) VALUES (?, ?, ?, ?)",
        id,
        hash,
        "active",
        AppRegistry.createdAtText(now));
    return catalog.read(LibraryTables.USERS, List.of(id)).getFirst();
  }

  /** Every account, oldest first. */
  public List<Account> list() {
    return accounts(
        jdbc.query(
            "SELECT user_id, state, created_at, operator FROM accounts"
                + " ORDER BY created_at, user_id",
            Accounts::row));
  }

  /** The account of user {@code userId}, if it has one. */
  public Optional<Account> find(long userId) {
    return accounts(
            jdbc.query(
                "SELECT user_id, state, created_at, operator FROM accounts WHERE user_id = ?",
                Accounts::row,
                userId))
        .stream()
        .findFirst();
  }

  /**
   * The accounts whose name or e-mail address contains {@code text} (case-insensitively; all when
   * blank), oldest first, {@code limit} from {@code offset} on. Accounts are few next to the
   * catalog, so a substring scan of the users who have one is cheap.
   */
  public AccountPage page(String text, int offset, int limit) {
    String like = LikePattern.contains(text);
    String where =
        " FROM accounts a JOIN users u ON u.id = a.user_id"
            + " WHERE LOWER(u.name) LIKE ? ESCAPE '\\' OR LOWER(u.email) LIKE ? ESCAPE '\\'";
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, like, like);
    List<AccountRow> rows =
        jdbc.query(
            "SELECT a.user_id, a.state, a.created_at, a.operator"
                + where
                + " ORDER BY a.created_at, a.user_id LIMIT ? OFFSET ?",
            Accounts::row,
            like,
            like,
            limit,
            offset);
    return new AccountPage(accounts(rows), total == null ? 0 : total);
  }

  private record AccountRow(long userId, String state, String createdAt, boolean operator) {}

  private static AccountRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new AccountRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
  }

  private List<Account> accounts(List<AccountRow> rows) {
    Map<Long, User> users =
        catalog.read(LibraryTables.USERS, rows.stream().map(AccountRow::userId).toList()).stream()
            .collect(Collectors.toMap(User::id, Function.identity()));
    return rows.stream()
        .map(
            r ->
                new Account(
                    users.get(r.userId()),
                    "active".equals(r.state()),
                    Instant.parse(r.createdAt()),
                    r.operator()))
        .toList();
  }

  /** The login of the account whose user name or e-mail address is {@code login}. */
  public Optional<Login> login(String login) {
    if (login == null || login.isBlank()) {
      return Optional.empty();
    }
    String l = login.strip().toLowerCase(Locale.ROOT);
    return jdbc
        .query(
            "SELECT a.user_id, a.password_hash, a.state, a.operator FROM accounts a JOIN users u"
                + " ON u.id = a.user_id WHERE LOWER(u.name) = ? OR LOWER(u.email) = ?",
            (rs, i) ->
                new Login(
                    rs.getLong(1),
                    rs.getString(2),
                    "active".equals(rs.getString(3)),
                    rs.getBoolean(4)),
            l,
            l)
        .stream()
        .findFirst();
  }

  /** Whether the user has an account that is not disabled. */
  public boolean isActive(long userId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM accounts WHERE user_id = ? AND state = 'active'",
            Integer.class,
            userId);
    return n != null && n > 0;
  }

  /**
   * Disables or enables the account of the user named (or with the e-mail) {@code login}. A
   * disabled account cannot log in, and its tokens stop working.
   *
   * @throws IllegalArgumentException when no account matches
   */
  public long setActive(String login, boolean active) {
    long userId =
        login(login)
            .orElseThrow(() -> new IllegalArgumentException("no account named " + login))
            .userId();
    jdbc.update(
        "UPDATE accounts SET state = ? WHERE user_id = ?", active ? "active" : "disabled", userId);
    return userId;
  }

  /**
   * Grants or revokes the operator role of the account of the user named (or with the e-mail)
   * {@code login}: an operator may open the operator console. Takes effect at the account's next
   * login (a session already open keeps the authorities it logged in with).
   *
   * @throws IllegalArgumentException when no account matches
   */
  public long setOperator(String login, boolean operator) {
    long userId =
        login(login)
            .orElseThrow(() -> new IllegalArgumentException("no account named " + login))
            .userId();
    jdbc.update("UPDATE accounts SET operator = ? WHERE user_id = ?", operator, userId);
    return userId;
  }
}

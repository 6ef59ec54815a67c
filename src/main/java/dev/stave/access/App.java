package dev.stave.access;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A client application allowed to call the API with its client id. Its client secret (for the
 * OAuth2 grant) is stored hashed and never part of this record.
 *
 * @param owner who answers for the app (free text, e.g. an e-mail address); may be null
 * @param redirectUris the registered OAuth2 redirect URIs; the authorize request accepts exactly
 *     these (RFC 9700 §4.1, stricter than spec §10.3)
 */
public record App(
    String clientId,
    String name,
    String owner,
    Plan plan,
    State state,
    List<String> redirectUris,
    Instant createdAt) {
  public enum State {
    ACTIVE,
    SUSPENDED
  }

  /** What the app may do: read methods only, or the write methods too (spec §9.1, §10.1). */
  public enum Plan {
    READ_ONLY,
    READ_WRITE;

    /** {@code read-only} or {@code read-write}, as stored and typed on the command line. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException for anything but read-only or read-write
     */
    public static Plan of(String key) {
      for (Plan p : values()) {
        if (p.key().equalsIgnoreCase(key.strip())) {
          return p;
        }
      }
      throw new IllegalArgumentException("plan must be read-only or read-write, got '" + key + "'");
    }
  }

  public App {
    redirectUris = List.copyOf(redirectUris);
  }

  /** A newly registered app: active, read-only, no owner and no redirect URI. */
  public App(String clientId, String name, State state, Instant createdAt) {
    this(clientId, name, null, Plan.READ_ONLY, state, List.of(), createdAt);
  }

  public boolean active() {
    return state == State.ACTIVE;
  }

  public boolean canWrite() {
    return plan == Plan.READ_WRITE;
  }
}

package dev.stave.access.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing down: after {@link #MAX_FAILURES} failed logins for one {@link Key} (an
 * account, whichever of its names was typed; or a typed name that is no account) the key is locked
 * for {@link #LOCK} after the last failure, even for the right password. Kept in memory on each
 * node: an attacker spreading guesses over n nodes gets n times the attempts, still far too few to
 * guess a password.
 *
 * <p>Public so that other logins (a dialect whose clients send a password with every request, such
 * as Subsonic players) slow guessing down by the same rule; each such login keeps its own instance.
 */
public final class LoginThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK = Duration.ofMinutes(15);

  /** What failures count against: an account by user id, or a typed name (case-insensitive). */
  public record Key(String value) {
    public static Key account(String userId) {
      return new Key("account:" + userId);
    }

    public static Key typedName(String login) {
      return new Key("name:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT)));
    }
  }

  private final Cache<Key, AtomicInteger> failures =
      Caffeine.newBuilder().expireAfterWrite(LOCK).maximumSize(100_000).build();

  public boolean locked(Key key) {
    AtomicInteger n = failures.getIfPresent(key);
    return n != null && n.get() >= MAX_FAILURES;
  }

  public void failed(Key key) {
    AtomicInteger n = failures.get(key, x -> new AtomicInteger());
    n.incrementAndGet();
    failures.put(key, n); // restarts the lock period
  }

  public void succeeded(Key key) {
    failures.invalidate(key);
  }
}

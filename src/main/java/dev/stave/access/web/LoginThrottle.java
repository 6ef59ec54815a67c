package dev.stave.access.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows password guessing down: after {@link #MAX_FAILURES} failed logins for one account name
 * (user name or e-mail, case-insensitive) the name is locked for {@link #LOCK} after the last
 * failure, even for the right password. Kept in memory on each node: an attacker spreading guesses
 * over n nodes gets n times the attempts, still far too few to guess a password.
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration LOCK = Duration.ofMinutes(15);

  private final Cache<String, AtomicInteger> failures =
      Caffeine.newBuilder().expireAfterWrite(LOCK).maximumSize(100_000).build();

  boolean locked(String login) {
    AtomicInteger n = failures.getIfPresent(key(login));
    return n != null && n.get() >= MAX_FAILURES;
  }

  void failed(String login) {
    String k = key(login);
    AtomicInteger n = failures.get(k, x -> new AtomicInteger());
    n.incrementAndGet();
    failures.put(k, n); // restarts the lock period
  }

  void succeeded(String login) {
    failures.invalidate(key(login));
  }

  private static String key(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
  }
}

package dev.stave.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A short-lived memo of rows that every API request reads (its app, the app's limits): without it
 * each request costs two database reads before any work. An entry lives {@link #LIFETIME}: a change
 * made through this process forgets its key at once; one made by another process (the {@code stave
 * apps} CLI, another node) shows within that time. Time is read from {@code clock}, so tests with a
 * frozen clock decide when an entry expires.
 */
public final class RecentRows<K, V> {
  /** How long a change made by another process may go unseen. */
  public static final Duration LIFETIME = Duration.ofSeconds(1);

  /** Bounds the memory a stream of unknown client ids can take. */
  private static final int MAX_ENTRIES = 10_000;

  private final Cache<K, V> cache;

  public RecentRows(Clock clock) {
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(LIFETIME)
            .maximumSize(MAX_ENTRIES)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
  }

  /** The value of {@code key}, read with {@code load} unless it was read recently. */
  public V get(K key, Function<? super K, ? extends V> load) {
    return cache.get(key, load);
  }

  /** Forgets {@code key}, after a change made through this process. */
  public void forget(K key) {
    cache.invalidate(key);
  }
}

package dev.stave.access.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Buckets in this process (one node, SQLite): Bucket4j local buckets in a bounded Caffeine map. A
 * bucket left alone for its refill period is full again, so it is dropped then and made afresh on
 * its next use; the map's clock is the limiter's, so dropping agrees with refilling.
 */
final class MemoryBuckets implements Buckets {
  private record Entry(Bucket bucket, Duration keep) {}

  private final Cache<String, Entry> buckets;
  private final TimeMeter time;

  MemoryBuckets(long maxKeys, TimeMeter time) {
    this.time = time;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .ticker(time::currentTimeNanos)
            .expireAfter(Expiry.accessing((String key, Entry e) -> e.keep()))
            .build();
  }

  @Override
  public ConsumptionProbe tryConsume(String key, Bandwidth bandwidth) {
    Entry entry =
        buckets.get(
            key,
            k ->
                new Entry(
                    Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build(),
                    Duration.ofNanos(bandwidth.getRefillPeriodNanos())));
    return entry.bucket().tryConsumeAndReturnRemaining(1);
  }
}

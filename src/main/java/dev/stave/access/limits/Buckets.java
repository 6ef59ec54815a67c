package dev.stave.access.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: in this process, or in the database every node shares. */
interface Buckets extends AutoCloseable {
  /**
   * Takes one token from the bucket {@code key}, which is created full with {@code bandwidth} on
   * first use. A key names one bandwidth for good: a changed limit gets a new key.
   */
  ConsumptionProbe tryConsume(String key, Bandwidth bandwidth);

  @Override
  default void close() {}
}

package dev.stave.access.limits;

import dev.stave.config.StaveProperties;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limiter and its bucket store: in memory on one node (SQLite), in PostgreSQL when the
 * store is PostgreSQL, so that every node of a cluster enforces the same limits. Time comes from a
 * {@link Clock} bean when there is one (tests freeze it), else from the system clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {
  @Bean(destroyMethod = "close")
  Buckets rateLimitBuckets(
      StaveProperties stave,
      LimitsProperties limits,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<Clock> clock) {
    TimeMeter time = timeMeter(clock.getIfAvailable(Clock::systemUTC));
    boolean postgres = stave.db().postgres();
    return postgres
        ? new PostgresBuckets(dataSource.getObject(), time)
        : new MemoryBuckets(limits.memoryKeys(), time);
  }

  @Bean
  RateLimiter rateLimiter(
      LimitsProperties limits,
      Buckets buckets,
      AppLimitsStore appLimits,
      ObjectProvider<Clock> clock) {
    return new RateLimiter(limits, buckets, appLimits, clock.getIfAvailable(Clock::systemUTC));
  }

  /** Bucket4j's time source over a clock: nanoseconds since the epoch. */
  static TimeMeter timeMeter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}

package dev.stave.access.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_buckets}), shared by every node on the database:
 * each request locks its bucket's row ({@code SELECT … FOR UPDATE}), so two nodes count against one
 * limit. Every row carries when it expires (its bucket full again, plus a minute); expired rows are
 * swept every few minutes.
 */
final class PostgresBuckets implements Buckets {
  private static final Logger log = LoggerFactory.getLogger(PostgresBuckets.class);
  private static final int SWEEP_BATCH = 1_000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
  private final ScheduledExecutorService sweeper;
  private final ScheduledFuture<?> sweeping;

  PostgresBuckets(DataSource dataSource, TimeMeter time) {
    this.proxies =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .clientClock(time)
            .build();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("rate-limit-sweeper").unstarted(r));
    this.sweeping = sweeper.scheduleWithFixedDelay(this::sweep, 5, 5, TimeUnit.MINUTES);
  }

  @Override
  public ConsumptionProbe tryConsume(String key, Bandwidth bandwidth) {
    return proxies
        .builder()
        .build(key, () -> BucketConfiguration.builder().addLimit(bandwidth).build())
        .tryConsumeAndReturnRemaining(1);
  }

  /** Deletes the rows of expired buckets; returns how many. */
  int sweep() {
    int total = 0;
    try {
      int n;
      do {
        n = proxies.removeExpired(SWEEP_BATCH);
        total += n;
      } while (n == SWEEP_BATCH);
    } catch (RuntimeException e) {
      log.warn("Could not sweep expired rate-limit buckets: {}", e.toString());
    }
    return total;
  }

  @Override
  public void close() {
    sweeping.cancel(false);
    sweeper.shutdownNow();
  }
}

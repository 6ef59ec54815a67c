package dev.stave.access.usage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the usage counts of this node in memory and adds them to the database every {@code
 * stave.usage.flush-interval} (default 5 s) and when the server stops, so that the request path
 * pays one map lookup and an increment, never a database write, and several nodes on one database
 * add up (each flush is an additive upsert, {@link UsageStore#add}).
 *
 * <p>What can be lost: on {@code kill -9} (or a power cut) the counts of at most the last flush
 * interval; on a clean stop, nothing (the lifecycle stops this meter after the web server has
 * stopped taking requests). When the database cannot be written, the counts stay in memory and go
 * with the next flush.
 *
 * <p>Rows older than {@code stave.usage.retention} (default 400 days: the usage pages show 30, and
 * a year stays comparable) are deleted once an hour by the same timer.
 *
 * <p>Counts are {@link LongAdder}s, read with {@code sum()} and then lowered by exactly what was
 * read: an increment that races a flush stays in the adder for the next one, so none is lost.
 */
@Component
public class UsageMeter implements UsageRecorder, SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

  /** After the web server (which stops at DEFAULT_PHASE - 2048), so late requests are flushed. */
  private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  /** The two counts of one key: answers and refusals among them. */
  private record Counts(LongAdder requests, LongAdder refused) {
    Counts() {
      this(new LongAdder(), new LongAdder());
    }
  }

  private final Map<UsageKey, Counts> counts = new ConcurrentHashMap<>();

  /** Entries of past hours taken out of the map, flushed once more for increments that raced. */
  private final Map<UsageKey, Counts> retired = new ConcurrentHashMap<>();

  private final UsageStore store;
  private final Clock clock;
  private final Duration interval;
  private final Duration retention;
  private ScheduledExecutorService flusher;
  private long prunedHour = -1;

  public UsageMeter(
      UsageStore store,
      ObjectProvider<Clock> clock,
      @Value("${stave.usage.flush-interval:5s}") Duration interval,
      @Value("${stave.usage.retention:400d}") Duration retention) {
    this.store = store;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.interval = interval;
    this.retention = retention;
  }

  @Override
  public void count(
      String clientId, String dialect, String method, String status, boolean refused) {
    long hour = clock.millis() / Duration.ofHours(1).toMillis();
    Counts c =
        counts.computeIfAbsent(
            new UsageKey(clientId == null ? NO_APP : clientId, hour, dialect, method, status),
            k -> new Counts());
    c.requests().increment();
    if (refused) {
      c.refused().increment();
    }
  }

  /**
   * Adds every count kept in memory to the database now (what the timer does every interval).
   *
   * @return the number of rows written
   */
  public synchronized int flush() {
    long hour = clock.millis() / Duration.ofHours(1).toMillis();
    List<UsageStore.Delta> deltas = new ArrayList<>();
    List<Runnable> undo = new ArrayList<>();
    List<UsageKey> flushedRetired = List.copyOf(retired.keySet());
    collect(retired, deltas, undo);
    collect(counts, deltas, undo);
    // an earlier hour is complete: its entries leave the map, and are flushed once more
    counts.forEach(
        (k, c) -> {
          if (k.hour() < hour && counts.remove(k, c)) {
            retired.put(k, c);
          }
        });
    if (deltas.isEmpty()) {
      flushedRetired.forEach(retired::remove);
      return 0;
    }
    try {
      store.add(deltas);
      flushedRetired.forEach(retired::remove);
      return deltas.size();
    } catch (RuntimeException e) {
      undo.forEach(Runnable::run);
      log.warn(
          "Usage counts not written ({} rows kept for the next try): {}",
          deltas.size(),
          e.toString());
      return 0;
    }
  }

  private static void collect(
      Map<UsageKey, Counts> from, List<UsageStore.Delta> deltas, List<Runnable> undo) {
    from.forEach(
        (k, c) -> {
          long requests = c.requests().sum();
          long refused = c.refused().sum();
          if (requests == 0 && refused == 0) {
            return;
          }
          c.requests().add(-requests);
          c.refused().add(-refused);
          deltas.add(new UsageStore.Delta(k, requests, refused));
          undo.add(
              () -> {
                c.requests().add(requests);
                c.refused().add(refused);
              });
        });
  }

  @Override
  public synchronized void start() {
    if (flusher != null) {
      return;
    }
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("usage-flush").unstarted(r));
    long ms = Math.max(100, interval.toMillis());
    flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void flushQuietly() {
    try {
      flush();
      pruneHourly();
    } catch (RuntimeException e) {
      log.warn("Usage flush failed: {}", e.toString());
    }
  }

  /** Deletes the rows past the retention, at most once an hour. */
  private void pruneHourly() {
    long hour = clock.millis() / Duration.ofHours(1).toMillis();
    if (hour != prunedHour) {
      prunedHour = hour;
      store.prune(hour - Math.max(1, retention.toHours()));
    }
  }

  @Override
  public synchronized void stop() {
    if (flusher == null) {
      return;
    }
    flusher.shutdownNow();
    flusher = null;
    flush();
  }

  @Override
  public synchronized boolean isRunning() {
    return flusher != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}

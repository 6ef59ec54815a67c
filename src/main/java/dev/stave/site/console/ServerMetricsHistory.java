package dev.stave.site.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The last hour of the server's request metrics, for the operator console's charts. The server
 * already times every request in Micrometer's {@code http.server.requests} timer (tags {@code
 * method}, {@code uri}, {@code status}); those are running totals since start, which a chart cannot
 * use as they are. So every {@code stave.console.metrics-period} (default 10 s) this reads the
 * totals, keeps the difference from the previous reading as one {@link Sample} (requests per second
 * and mean latency per route, error responses per second) and drops samples older than an hour: a
 * ring of 360 small samples, in memory.
 *
 * <p>Decision: in memory and per node, not in the store. The console shows what this node is doing
 * now; history across nodes and restarts is what Prometheus ({@code /actuator/prometheus}) is for,
 * and per-app usage over 30 days is counted in the store by the developer portal.
 */
@Component
@ConditionalOnWebApplication
public class ServerMetricsHistory implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ServerMetricsHistory.class);

  /** How far back the charts go. */
  static final Duration SPAN = Duration.ofHours(1);

  /** Requests per second and mean latency of one route over one period. */
  public record Point(double perSecond, double meanMillis) {}

  /**
   * One period's figures.
   *
   * @param routes per route ({@code GET /v3.0/tracks}): rate and mean latency
   * @param clientErrors responses with a 4xx status, per second
   * @param serverErrors responses with a 5xx status, per second
   */
  public record Sample(
      Instant at, Map<String, Point> routes, double clientErrors, double serverErrors) {
    public double perSecond() {
      return routes.values().stream().mapToDouble(Point::perSecond).sum();
    }
  }

  /** A route's totals over the samples kept. */
  public record RouteTotal(String route, long requests, double meanMillis, double maxPerSecond) {}

  /** Running totals of one meter at the previous reading. */
  private record Reading(long count, double totalMillis) {}

  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration period;
  private final int capacity;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private Map<Timer, Reading> previous = new HashMap<>();
  private Instant previousAt;
  private ScheduledExecutorService scheduler;

  public ServerMetricsHistory(
      MeterRegistry registry,
      ObjectProvider<Clock> clock,
      @Value("${stave.console.metrics-period:10s}") Duration period) {
    this.registry = registry;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.period = period;
    this.capacity = (int) Math.max(1, SPAN.toMillis() / Math.max(1, period.toMillis()));
  }

  /** How often a sample is taken. */
  public Duration period() {
    return period;
  }

  /** Reads the request timers and appends the difference since the last reading as a sample. */
  synchronized void sample() {
    Instant now = clock.instant();
    Map<Timer, Reading> current = new HashMap<>();
    for (Timer t : registry.find("http.server.requests").timers()) {
      current.put(t, new Reading(t.count(), t.totalTime(TimeUnit.MILLISECONDS)));
    }
    if (previousAt != null) {
      double seconds = Math.max(0.001, Duration.between(previousAt, now).toMillis() / 1000.0);
      Map<String, long[]> counts = new HashMap<>();
      Map<String, Double> millis = new HashMap<>();
      long clientErrors = 0;
      long serverErrors = 0;
      for (Map.Entry<Timer, Reading> e : current.entrySet()) {
        Reading before = previous.getOrDefault(e.getKey(), new Reading(0, 0));
        long n = e.getValue().count() - before.count();
        if (n <= 0) {
          continue;
        }
        String route = route(e.getKey());
        counts.computeIfAbsent(route, r -> new long[1])[0] += n;
        millis.merge(route, e.getValue().totalMillis() - before.totalMillis(), Double::sum);
        String status = String.valueOf(e.getKey().getId().getTag("status"));
        if (status.startsWith("4")) {
          clientErrors += n;
        } else if (status.startsWith("5")) {
          serverErrors += n;
        }
      }
      Map<String, Point> routes = new LinkedHashMap<>();
      counts.forEach(
          (route, n) -> routes.put(route, new Point(n[0] / seconds, millis.get(route) / n[0])));
      samples.addLast(
          new Sample(now, Map.copyOf(routes), clientErrors / seconds, serverErrors / seconds));
      while (samples.size() > capacity) {
        samples.removeFirst();
      }
    }
    previous = current;
    previousAt = now;
  }

  private static String route(Timer t) {
    String method = t.getId().getTag("method");
    String uri = t.getId().getTag("uri");
    return (method == null ? "" : method + " ") + (uri == null ? "UNKNOWN" : uri);
  }

  /** The samples kept, oldest first. */
  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** Each route's totals over the samples kept, busiest first. */
  public List<RouteTotal> totals() {
    List<Sample> all = samples();
    Map<String, double[]> sums = new HashMap<>(); // requests, total ms, max rate
    for (int i = 0; i < all.size(); i++) {
      // the seconds a sample covers: since the sample before it (the first: one period)
      double seconds =
          i == 0
              ? period.toMillis() / 1000.0
              : Duration.between(all.get(i - 1).at(), all.get(i).at()).toMillis() / 1000.0;
      all.get(i)
          .routes()
          .forEach(
              (route, p) -> {
                double[] sum = sums.computeIfAbsent(route, r -> new double[3]);
                double n = p.perSecond() * seconds;
                sum[0] += n;
                sum[1] += n * p.meanMillis();
                sum[2] = Math.max(sum[2], p.perSecond());
              });
    }
    List<RouteTotal> out = new ArrayList<>();
    sums.forEach(
        (route, s) ->
            out.add(new RouteTotal(route, Math.round(s[0]), s[0] == 0 ? 0 : s[1] / s[0], s[2])));
    out.sort(Comparator.comparingLong(RouteTotal::requests).reversed());
    return out;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("console-metrics").factory());
    sample(); // the baseline
    scheduler.scheduleAtFixedRate(
        this::sampleQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sampleQuietly() {
    try {
      sample();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again; the next period tries afresh
      log.warn("Sampling the request metrics failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}

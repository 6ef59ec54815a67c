package dev.stave.analysis;

import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.ChangeFollower;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The server's background consumer of the {@link AnalysisQueue}: what a scan queued is analysed
 * while {@code stave serve} runs, and its features are stored and indexed as {@code stave analyze}
 * does ({@link FeatureBackfill#analyseAndStore}). Bounded ({@code stave.analysis.worker.threads}
 * files at a time, default 1; 0 turns the worker off) and on minimum-priority threads, so requests
 * come first. It looks at the queue every {@code stave.analysis.worker.poll} (default 5 s) while it
 * is empty. It analyses the {@link AnalysisWindow} named by {@code stave.analysis.window} ({@code
 * spread}, the default, {@code middle} or {@code whole}). Progress: the log (one line per batch)
 * and the metrics {@code stave.analysis.queue.waiting}, {@code stave.analysis.queue.failed} and
 * {@code stave.analysis.worker.analysed} (actuator {@code /actuator/metrics}, Prometheus).
 */
@Component
@ConditionalOnWebApplication
public class AnalysisWorker implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(AnalysisWorker.class);

  private final AnalysisQueue queue;
  private final FeatureBackfill backfill;
  private final ObjectProvider<ChangeFollower> followers;
  private final int threads;
  private final Duration poll;
  private final AnalysisWindow window;
  private final Counter analysed;
  private volatile boolean running;
  private Thread loop;
  private ExecutorService pool;

  public AnalysisWorker(
      AnalysisQueue queue,
      FeatureBackfill backfill,
      ObjectProvider<ChangeFollower> followers,
      MeterRegistry metrics,
      @Value("${stave.analysis.worker.threads:1}") int threads,
      @Value("${stave.analysis.worker.poll:5s}") Duration poll,
      @Value("${stave.analysis.window:spread}") String window) {
    this.queue = queue;
    this.backfill = backfill;
    this.followers = followers;
    this.threads = Math.max(0, threads);
    this.poll = poll;
    this.window = AnalysisWindow.named(window);
    this.analysed =
        Counter.builder("stave.analysis.worker.analysed")
            .description("Tracks the background worker analysed and stored")
            .register(metrics);
    Gauge.builder("stave.analysis.queue.waiting", queue, AnalysisQueue::waiting)
        .description("Tracks queued for analysis by a scan")
        .register(metrics);
    Gauge.builder("stave.analysis.queue.failed", queue, AnalysisQueue::failedCount)
        .description("Queued tracks whose analysis failed (retried when the file changes)")
        .register(metrics);
  }

  @Override
  public synchronized void start() {
    if (threads == 0 || running) {
      return;
    }
    running = true;
    ThreadFactory low =
        Thread.ofPlatform()
            .name("stave-analysis-", 1)
            .daemon()
            .priority(Thread.MIN_PRIORITY)
            .factory();
    pool = Executors.newFixedThreadPool(threads, low);
    loop =
        Thread.ofPlatform()
            .name("stave-analysis-queue")
            .daemon()
            .priority(Thread.MIN_PRIORITY)
            .start(this::run);
  }

  @Override
  public void stop() {
    Thread t;
    synchronized (this) {
      running = false;
      t = loop;
      loop = null;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        if (!step()) {
          Thread.sleep(poll);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The store may be briefly unavailable (another process writing); try again later.
        log.warn("analysis queue: {}", e.toString());
        try {
          Thread.sleep(poll);
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /** Analyses one batch of the queue; false when it was empty. */
  boolean step() {
    List<AnalysisQueue.Entry> entries = queue.pending(threads * 2);
    if (entries.isEmpty()) {
      return false;
    }
    List<AudioFileStore.TrackFile> chunk = new ArrayList<>();
    for (AnalysisQueue.Entry e : entries) {
      if (e.path() == null) {
        // The file is gone (deleted or moved away since the scan): nothing to analyse.
        queue.done(Map.of(e.trackId(), e.version()));
      } else {
        chunk.add(new AudioFileStore.TrackFile(e.trackId(), e.path(), e.durationMs()));
      }
    }
    FeatureBackfill.Report report = new FeatureBackfill.Report();
    int stored = backfill.analyseAndStore(chunk, window, pool, report);
    analysed.increment(stored);
    report.failures.forEach((path, why) -> log.warn("analysis of {} failed: {}", path, why));
    ChangeFollower.catchUpAll(followers.orderedStream().toList(), note -> {});
    log.info(
        "analysis queue: {} analysed ({} in all), {} failed, {} waiting",
        stored,
        (long) analysed.count(),
        report.failures.size(),
        queue.waiting());
    return true;
  }
}

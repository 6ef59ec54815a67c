package dev.stave.analysis;

import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFileStore;
import dev.stave.audio.Ffmpeg;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.catalog.CrashPoint;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.MusicInfoRules;
import dev.stave.catalog.Track;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses the catalog's tracks that have a present audio file and stores their features on the
 * tracks, through {@link CatalogStore} (so the change log carries them to the search index, the
 * ReccoBeats features, Jamendo's musicinfo filters and similarity).
 *
 * <p>Each track is analysed over its {@link AnalysisWindow} (by default 30 s from the middle; the
 * whole track on request), recorded in {@link AnalysisRecords}. Tracks are analysed in parallel,
 * one file per worker thread, and written in batches of one transaction each; the next batch is
 * already being analysed while one is written, so no core waits for the store or for the slowest
 * file of a batch. An interrupted run keeps every finished batch, and the next run (which by
 * default skips tracks that have features, unless a scan queued them, {@link AnalysisQueue}, or
 * they were analysed over a window and the whole track is asked for now) goes on from there.
 * Jamendo musicinfo labels that a track lacks are derived from the new features ({@link
 * MusicInfoRules}: vocal/instrumental, acoustic/electric, speed); labels it already has (from an
 * import) are kept.
 */
@Component
public class FeatureBackfill {
  /** The longest stretch of a track analysed, whatever is asked: bounds memory per worker. */
  public static final Duration MAX_LENGTH = Duration.ofMinutes(10);

  /**
   * How to run.
   *
   * @param all analyse every track with a file, also those that have features
   * @param window what of each file to analyse; {@link AnalysisWindow.Kind#WHOLE} also re-analyses
   *     the tracks that were analysed over a window
   * @param stopAfterBatches simulates an interruption (0: never)
   * @param holdInBatch stores this batch (1-based) and holds its transaction open until the process
   *     is killed, for crash tests ({@link CrashPoint}; 0: never)
   */
  public record Options(
      boolean all,
      boolean progress,
      int threads,
      int batchSize,
      AnalysisWindow window,
      int stopAfterBatches,
      int holdInBatch) {}

  /** What a run did. */
  public static final class Report {
    public int candidates;
    public int analysed;
    public int skipped;
    public final Map<String, String> failures = new java.util.LinkedHashMap<>();
    public boolean completed;
    public Duration elapsed = Duration.ZERO;

    /** What of each track was analysed, in words. */
    public String window = "";
  }

  private final AudioFileStore files;
  private final CatalogStore store;
  private final AudioAnalyzer analyzer;
  private final ObjectProvider<ChangeFollower> followers;
  private final AnalysisQueue queue;
  private final AnalysisRecords records;
  private final TransactionTemplate tx;

  public FeatureBackfill(
      AudioFileStore files,
      CatalogStore store,
      AudioAnalyzer analyzer,
      ObjectProvider<ChangeFollower> followers,
      AnalysisQueue queue,
      AnalysisRecords records,
      TransactionTemplate tx) {
    this.files = files;
    this.store = store;
    this.analyzer = analyzer;
    this.followers = followers;
    this.queue = queue;
    this.records = records;
    this.tx = tx;
  }

  /**
   * Runs until every candidate is done, {@code stop} answers true (checked between batches), or the
   * options' batch count is reached.
   */
  public Report run(Options options, BooleanSupplier stop) {
    long started = System.nanoTime();
    Report report = new Report();
    List<AudioFileStore.TrackFile> withFiles = files.presentTrackFiles(false);
    List<AudioFileStore.TrackFile> todo = withFiles;
    if (!options.all()) {
      // Tracks without features, those a scan queued because their audio changed, and, when the
      // whole track is asked for, those analysed over a window.
      Set<Long> wanted = queue.trackIds();
      files.presentTrackFiles(true).forEach(f -> wanted.add(f.trackId()));
      if (options.window().kind() == AnalysisWindow.Kind.WHOLE) {
        wanted.addAll(records.windowed());
      }
      todo = withFiles.stream().filter(f -> wanted.contains(f.trackId())).toList();
      report.skipped = withFiles.size() - todo.size();
    }
    report.candidates = todo.size();
    report.window = options.window().describe();
    int threads = Math.max(1, options.threads());
    int batchSize = Math.max(1, options.batchSize());
    int batches = 0;
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory());
    try (ProgressBar bar =
        options.progress() && !todo.isEmpty() ? progressBar(todo.size()) : null) {
      // The next batch is submitted before this one is written: the pool stays busy meanwhile.
      Pending next = submit(chunk(todo, 0, batchSize), options.window(), pool);
      for (int i = 0; i < todo.size(); i += batchSize) {
        Pending current = next;
        batches++;
        boolean last =
            stop.getAsBoolean()
                || (options.stopAfterBatches() > 0 && batches >= options.stopAfterBatches());
        next = last ? null : submit(chunk(todo, i + batchSize, batchSize), options.window(), pool);
        report.analysed += store(current, report, batches == options.holdInBatch());
        if (bar != null) {
          bar.stepBy(current.chunk().size());
        }
        if (last || stop.getAsBoolean()) {
          break;
        }
      }
      report.completed = report.analysed + report.failures.size() == todo.size();
    } finally {
      pool.shutdownNow();
    }
    ChangeFollower.catchUpAll(followers.orderedStream().toList(), note -> {});
    report.elapsed = Duration.ofNanos(System.nanoTime() - started);
    return report;
  }

  private static List<AudioFileStore.TrackFile> chunk(
      List<AudioFileStore.TrackFile> todo, int from, int size) {
    return from >= todo.size() ? List.of() : todo.subList(from, Math.min(todo.size(), from + size));
  }

  /** A batch being analysed: its queue versions read before decoding, and its analyses. */
  private record Pending(
      List<AudioFileStore.TrackFile> chunk,
      Map<Long, Long> versions,
      List<Future<Analysed>> futures) {}

  /** One track's features and how they were obtained. */
  private record Analysed(AudioFeatures features, AnalysisRecords.Entry record) {}

  /**
   * Analyses {@code chunk} on {@code pool} over {@code window} and stores the features in one
   * transaction with their {@link AnalysisRecords} and the removal of the chunk's queue entries, at
   * the versions read before decoding (an entry re-queued meanwhile stays). A failure is recorded
   * in {@code report} and on its queue entry. Returns how many tracks were stored.
   */
  int analyseAndStore(
      List<AudioFileStore.TrackFile> chunk,
      AnalysisWindow window,
      ExecutorService pool,
      Report report) {
    return store(submit(chunk, window, pool), report, false);
  }

  private Pending submit(
      List<AudioFileStore.TrackFile> chunk, AnalysisWindow window, ExecutorService pool) {
    Map<Long, Long> versions =
        queue.versions(chunk.stream().map(AudioFileStore.TrackFile::trackId).toList());
    List<Future<Analysed>> futures = new ArrayList<>();
    for (AudioFileStore.TrackFile f : chunk) {
      futures.add(pool.submit(() -> analyse(f, window)));
    }
    return new Pending(chunk, versions, futures);
  }

  private Analysed analyse(AudioFileStore.TrackFile f, AnalysisWindow window) {
    List<Ffmpeg.Stretch> stretches = window.excerpts(f.durationMs());
    AudioFeatures features = analyzer.analyzeStretches(f.path(), null, stretches).features();
    return new Analysed(
        features,
        new AnalysisRecords.Entry(
            f.trackId(), window.mode(f.durationMs()), AnalysisWindow.describe(stretches)));
  }

  private int store(Pending pending, Report report, boolean hold) {
    Map<Long, String> failed = new HashMap<>();
    Map<Long, Analysed> done = collect(pending, report, failed);
    Map<Long, Long> versions = pending.versions();
    tx.executeWithoutResult(
        s -> {
          write(done);
          Map<Long, Long> finished = new HashMap<>(versions);
          finished.keySet().retainAll(done.keySet());
          queue.done(finished);
          failed.forEach(
              (id, why) -> {
                if (versions.containsKey(id)) {
                  queue.failed(id, versions.get(id), why);
                }
              });
          if (hold) {
            CrashPoint.holdUntilKilled("analysis batch stored, not committed");
          }
        });
    return done.size();
  }

  private static Map<Long, Analysed> collect(
      Pending pending, Report report, Map<Long, String> failed) {
    Map<Long, Analysed> done = new HashMap<>();
    for (int j = 0; j < pending.chunk().size(); j++) {
      AudioFileStore.TrackFile f = pending.chunk().get(j);
      try {
        done.put(f.trackId(), pending.futures().get(j).get());
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        String why = cause instanceof AudioException ? cause.getMessage() : String.valueOf(cause);
        report.failures.put(f.path().toString(), why);
        failed.put(f.trackId(), why);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AudioException("interrupted while analysing", e);
      }
    }
    return done;
  }

  private void write(Map<Long, Analysed> done) {
    if (done.isEmpty()) {
      return;
    }
    List<Track> updated = new ArrayList<>();
    for (Track t : store.findTracks(done.keySet())) {
      AudioFeatures f = done.get(t.id()).features();
      updated.add(t.withAnalysis(f, labels(t.musicInfo(), f)));
    }
    store.write(new CatalogBatch(List.of(), List.of(), updated));
    records.record(done.values().stream().map(Analysed::record).toList());
  }

  /** The track's labels, with the ones it lacks derived from {@code f}. */
  static MusicInfo labels(MusicInfo m, AudioFeatures f) {
    return new MusicInfo(
        m.vocalInstrumental() != null ? m.vocalInstrumental() : MusicInfoRules.vocalInstrumental(f),
        m.lang(),
        m.gender(),
        m.acousticElectric() != null ? m.acousticElectric() : MusicInfoRules.acousticElectric(f),
        m.speed() != null || f.tempo() == null || f.tempo() <= 0
            ? m.speed()
            : MusicInfoRules.speed(f.tempo()));
  }

  private static ProgressBar progressBar(int total) {
    return new ProgressBarBuilder()
        .setTaskName("analyze")
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" tracks", 1)
        .showSpeed()
        .build();
  }
}

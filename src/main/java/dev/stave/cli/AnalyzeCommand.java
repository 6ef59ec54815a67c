package dev.stave.cli;

import dev.stave.analysis.AnalysisWindow;
import dev.stave.analysis.FeatureBackfill;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse the audio files of the catalog's tracks (see `stave scan`) and store their audio",
      "features on the tracks: tempo, key, mode, loudness, energy, danceability, acousticness,",
      "instrumentalness, speechiness, liveness, valence. They then appear in the ReccoBeats",
      "features, in Jamendo's musicinfo (speed, vocal/instrumental, acoustic/electric, where a",
      "track has no label yet) and in similar tracks. Each track is analysed over three 10-second",
      "windows at 25, 50 and 75 % of its length (ReccoBeats analyses 30-second clips; much faster",
      "than the whole track) unless --whole-track or stave.analysis.window=whole asks for the",
      "whole track; which was used is recorded per track. Runs on all cores; writes in batches, so",
      "an interrupted run (Ctrl-C) keeps what it finished and the next run goes on from there.",
      "Exit code: 0 done, 2 refused, 3 stopped early or some files could not be analysed."
    })
public class AnalyzeCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @ArgGroup(exclusive = true)
  Which which;

  static class Which {
    @Option(names = "--missing", description = "Only tracks without features (the default)")
    boolean missing;

    @Option(names = "--all", description = "Every track with an audio file, again")
    boolean all;
  }

  @Option(
      names = "--whole-track",
      description =
          "Analyse whole tracks (at most 600 s each) instead of three 10-s windows; also"
              + " analyses again the tracks whose features came from a window")
  boolean wholeTrack;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      description =
          "Analyse only the first N seconds of each file (default: three 10-s windows spread"
              + " over each track)")
  int seconds;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files analysed at once (default: the number of cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr")
  boolean noProgress;

  @Option(names = "--batch-size", hidden = true)
  int batchSize = 16;

  // Simulates an interruption, so that resuming can be exercised end to end.
  @Option(names = "--stop-after-batches", hidden = true)
  int stopAfterBatches;

  // Holds batch N's transaction open until the process is killed, for crash tests.
  @Option(names = "--hold-in-batch", hidden = true)
  int holdInBatch;

  @Override
  public Integer call() {
    if (seconds < 0 || threads < 1) {
      System.err.println("error: --seconds must be 0 or more and --threads 1 or more");
      return 2;
    }
    if (seconds > 0 && wholeTrack) {
      System.err.println("error: --seconds and --whole-track exclude each other");
      return 2;
    }
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    // Ctrl-C: finish and commit the batch under way, then stop (the JVM waits for this hook).
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              try {
                finished.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
      AnalysisWindow window;
      try {
        window = window(ctx.getEnvironment().getProperty("stave.analysis.window", "spread"));
      } catch (IllegalArgumentException e) {
        System.err.println("error: " + e.getMessage());
        return 2;
      }
      FeatureBackfill.Report report =
          ctx.getBean(FeatureBackfill.class)
              .run(
                  new FeatureBackfill.Options(
                      which != null && which.all,
                      !noProgress,
                      threads,
                      batchSize,
                      window,
                      stopAfterBatches,
                      holdInBatch),
                  stopping::get);
      print(report);
      return report.completed && report.failures.isEmpty() ? 0 : 3;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running and has been released.
      }
    }
  }

  /** The window asked for: the flags first, then the configuration. */
  private AnalysisWindow window(String configured) {
    if (wholeTrack) {
      return AnalysisWindow.whole();
    }
    if (seconds > 0) {
      return AnalysisWindow.first(Duration.ofSeconds(Math.min(seconds, 600)));
    }
    return AnalysisWindow.named(configured);
  }

  private static void print(FeatureBackfill.Report r) {
    System.out.printf("tracks with audio to analyse %,d%n", r.candidates);
    System.out.printf("analysed                     %,d%n", r.analysed);
    System.out.printf("skipped (have features)      %,d%n", r.skipped);
    System.out.printf("analysed over               %s%n", r.window);
    System.out.printf("failed                       %,d%n", r.failures.size());
    r.failures.forEach((path, why) -> System.out.println("  " + path + ": " + why));
    System.out.printf(
        "%s in %.1f s%n", r.completed ? "done" : "stopped early", r.elapsed.toMillis() / 1000.0);
    if (!r.completed) {
      System.out.println("run `stave analyze` again to go on where it stopped");
    }
  }
}

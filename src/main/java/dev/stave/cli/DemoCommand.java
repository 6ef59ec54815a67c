package dev.stave.cli;

import dev.stave.catalog.CatalogIndexes;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.catalog.ProjectionBusyException;
import dev.stave.ingest.demo.DemoCatalog;
import dev.stave.ingest.demo.DemoGenerator;
import dev.stave.ingest.demo.DemoReport;
import dev.stave.ingest.demo.audio.DemoAudio;
import dev.stave.library.LibraryStore;
import dev.stave.search.SearchIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic demo catalog: invented artists, albums and tracks with realistic tags,"
          + " audio features, durations, licences and listen counts.",
      "The same --tracks and --seed always give the same catalog. Re-running completes an"
          + " interrupted run and otherwise changes nothing."
    })
public class DemoCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(
      names = "--tracks",
      required = true,
      paramLabel = "N",
      description = "Number of tracks in the catalog")
  long tracks;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the catalog (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--batch",
      paramLabel = "TRACKS",
      defaultValue = "" + DemoGenerator.DEFAULT_BATCH_TRACKS,
      description =
          "Tracks per transaction (whole artists, so batches end near this; default:"
              + " ${DEFAULT-VALUE}). Does not change the catalog, only how it is written.")
  int batchTracks;

  @Option(
      names = "--rewrite",
      description =
          "Pass every batch through the store's upsert instead of skipping those already stored"
              + " (repairs a demo catalog edited since; overwrites other data under the same ids)")
  boolean rewrite;

  @Option(
      names = "--audio",
      paramLabel = "TRACKS",
      defaultValue = "0",
      description =
          "Also make audio for about this many tracks (whole albums, at least one per genre while"
              + " they fit), generated from their audio features with ffmpeg into DATA/"
              + DemoAudio.FOLDER
              + "; 0: none (default). Re-running continues an interrupted run.")
  int audio;

  @Option(
      names = "--audio-threads",
      paramLabel = "N",
      description = "Pieces made at once (default: one per core)")
  Integer audioThreads;

  @Option(names = "--hold-after-batch", hidden = true)
  int holdAfterBatch;

  @Override
  public Integer call() {
    if (tracks < 0) {
      throw new IllegalArgumentException("--tracks must be 0 or more, was " + tracks);
    }
    DemoGenerator generator = new DemoGenerator(tracks, seed, batchTracks);
    // The index is not opened (nor followed every second) while the catalog is written: catching
    // up change by change while the import runs costs more than building it once at the end on
    // every core, which opening it afterwards does when it is missing or far behind.
    Map<String, Object> settings = new HashMap<>();
    settings.put("stave.search.auto-start", "false");
    // A bulk load: an interrupted one's missing indexes are left missing at start, this run
    // makes them when it ends (CatalogIndexes).
    settings.put("stave.catalog.bulk-load", "true");
    settings.keySet().removeAll(store.asProperties().keySet()); // the operator's settings win
    try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, settings)) {
      DemoCatalog catalog =
          new DemoCatalog(
                  ctx.getBean(CatalogStore.class),
                  ctx.getBean(LibraryStore.class),
                  ctx.getBean(CatalogIndexes.class))
              .holdAfterBatch(holdAfterBatch);
      DemoReport report;
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("demo")
              .setInitialMax(tracks)
              .setUnit(" tracks", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .showSpeed()
              .build()) {
        report = catalog.write(generator, rewrite, (done, total) -> bar.stepTo(done));
      }
      print(report);
      openIndex(ctx.getBean(SearchIndex.class));
      // The search index (and any other projection) follows the change log; bring it up to date
      // now so that the catalog is searchable when the command returns.
      List<ChangeFollower> followers =
          ctx.getBeanProvider(ChangeFollower.class).orderedStream().toList();
      ChangeFollower.catchUpAll(followers, note -> System.out.println("note: " + note));
      if (!followers.isEmpty()) {
        System.out.println("Brought " + followers.size() + " change follower(s) up to date.");
      }
      if (audio > 0) {
        makeAudio(ctx.getBean(DemoAudio.class));
      }
    }
    return 0;
  }

  /** Opens the index with a progress bar: this builds it when it is missing or far behind. */
  private static void openIndex(SearchIndex index) {
    long started = System.nanoTime();
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("index")
            .setUnit(" docs", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .showSpeed()
            .build()) {
      index.open(
          (done, total) -> {
            bar.maxHint(total);
            bar.stepTo(done);
          });
    } catch (ProjectionBusyException e) {
      System.out.println("note: " + e.getMessage() + "; that process applies these changes itself");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "Search index open and current in %.1f s (%,d documents).%n",
        (System.nanoTime() - started) / 1e9,
        index.status().documents());
  }

  private void makeAudio(DemoAudio demoAudio) {
    int threads = audioThreads == null ? Runtime.getRuntime().availableProcessors() : audioThreads;
    long started = System.nanoTime();
    DemoAudio.Report r;
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("audio")
            .setInitialMax(audio)
            .setUnit(" tracks", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .showSpeed()
            .build()) {
      r =
          demoAudio.run(
              audio,
              threads,
              playable -> {
                bar.maxHint(Math.max(audio, playable));
                bar.stepTo(playable);
              });
    }
    System.out.printf(
        Locale.ROOT,
        "Demo audio in %s: %,d of %,d planned tracks playable (%,d made now, %,d linked now,"
            + " %,d failed) in %.1f s.%n",
        demoAudio.root(),
        r.linked() + r.alreadyLinked(),
        r.planned(),
        r.made(),
        r.linked(),
        r.failed().size(),
        (System.nanoTime() - started) / 1e9);
    r.failed().stream().limit(10).forEach(f -> System.out.println("  failed: " + f));
  }

  private static void print(DemoReport r) {
    System.out.printf(
        Locale.ROOT,
        "Demo catalog of %,d tracks: created %,d tracks, %,d albums, %,d artists; updated %,d;"
            + " %,d tracks already present.%n",
        r.tracks(),
        r.tracksCreated(),
        r.albumsCreated(),
        r.artistsCreated(),
        r.entitiesUpdated(),
        r.tracksSkipped());
    System.out.printf(
        Locale.ROOT,
        "Wrote %,d tracks in %.1f s (%,.0f tracks/s; store CPU %.1f s, %,.0f tracks per CPU s;"
            + " process CPU %.1f s, %.1f µs per track).%n",
        r.tracksWritten(),
        r.elapsed().toMillis() / 1000.0,
        r.tracksPerSecond(),
        r.storeCpu().toMillis() / 1000.0,
        r.tracksPerStoreCpuSecond(),
        r.processCpu().toMillis() / 1000.0,
        r.processCpuMicrosPerTrack());
    if (r.indexesMade() > 0) {
      System.out.printf(
          Locale.ROOT,
          "Bulk load: made the %d secondary indexes set aside during it in %.1f s (part of the"
              + " time above).%n",
          r.indexesMade(),
          r.indexTime().toMillis() / 1000.0);
    }
  }
}

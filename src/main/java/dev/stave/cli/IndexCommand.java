package dev.stave.cli;

import dev.stave.catalog.CrashPoint;
import dev.stave.search.RebuildResult;
import dev.stave.search.SearchIndex;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Manage the search index (a projection of the catalog under DATA/index).",
    subcommands = {IndexCommand.Rebuild.class})
public class IndexCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "rebuild",
      mixinStandardHelpOptions = true,
      description = {
        "Rebuild the search index from the catalog store.",
        "The new index is built beside the old one on every core and swapped in at the end:"
            + " interrupting it (Ctrl-C) leaves the previous index in use, and running it again"
            + " resumes from its last checkpoint. A server running on the same data directory"
            + " switches to the new index within a second."
      })
  static class Rebuild implements Callable<Integer> {
    @Mixin StoreOptions store;

    // Holds the rebuild once this many documents are in the new generation, until the process is
    // killed, for crash tests.
    @picocli.CommandLine.Option(names = "--hold-after-documents", hidden = true)
    long holdAfterDocuments;

    @picocli.CommandLine.Option(
        names = "--checkpoint-documents",
        paramLabel = "N",
        description =
            "Commit a checkpoint every N documents (default: ${DEFAULT-VALUE}); an interrupted"
                + " rebuild resumes from the last one when run again",
        defaultValue = "" + SearchIndex.DEFAULT_CHECKPOINT_DOCUMENTS)
    long checkpointDocuments;

    @picocli.CommandLine.Option(
        names = "--threads",
        paramLabel = "N",
        description = "Indexing threads (default: one per core, at most 8)",
        defaultValue = "0")
    int threads;

    @Override
    public Integer call() {
      // auto-start off: opening would build a missing index once before this rebuild does.
      try (ConfigurableApplicationContext ctx =
          SpringContexts.start(
              store,
              false,
              Map.of(
                  "stave.search.auto-start",
                  "false",
                  "stave.search.build.checkpoint-documents",
                  Long.toString(checkpointDocuments),
                  "stave.search.build.threads",
                  Integer.toString(threads)))) {
        SearchIndex index = ctx.getBean(SearchIndex.class);
        RebuildResult result;
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("Indexing")
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" docs", 1)
                .showSpeed()
                .build()) {
          result =
              index.rebuild(
                  (done, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(done);
                    if (holdAfterDocuments > 0 && done >= holdAfterDocuments) {
                      // Called under the indexer's progress lock: every indexing thread stops.
                      CrashPoint.holdUntilKilled(
                          "index rebuild at " + done + " of " + total + " documents");
                    }
                  });
        } catch (CancellationException e) {
          System.err.println(
              "Interrupted: the previous index is unchanged; run the command again to resume.");
          return 130;
        }
        System.out.printf(
            Locale.ROOT,
            "Indexed %,d documents in %.1f s (%,.0f docs/s); covers change-log seq %d.%n",
            result.documents(),
            result.took().toMillis() / 1000.0,
            result.docsPerSecond(),
            result.changeSeq());
        return 0;
      }
    }
  }
}

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
        "The new index is built beside the old one and swapped in at the end: interrupting it"
            + " (Ctrl-C) leaves the previous index in use. A server running on the same data"
            + " directory switches to the new index within a second."
      })
  static class Rebuild implements Callable<Integer> {
    @Mixin StoreOptions store;

    // Holds the rebuild once this many documents are in the new generation, until the process is
    // killed, for crash tests.
    @picocli.CommandLine.Option(names = "--hold-after-documents", hidden = true)
    long holdAfterDocuments;

    @Override
    public Integer call() {
      // auto-start off: opening would build a missing index once before this rebuild does.
      try (ConfigurableApplicationContext ctx =
          SpringContexts.start(store, false, Map.of("stave.search.auto-start", "false"))) {
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
          System.err.println("Interrupted: the previous index is unchanged.");
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

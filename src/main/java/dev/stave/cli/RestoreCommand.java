package dev.stave.cli;

import dev.stave.backup.BackupException;
import dev.stave.backup.PostgresAdvice;
import dev.stave.backup.Restore;
import dev.stave.search.RebuildResult;
import dev.stave.search.SearchIndex;
import java.nio.file.Path;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a backup made by `stave backup` into an empty data directory (--data), then",
      "rebuild the search index. Every file is checked against the backup's checksums first.",
      "Configuration files go back to the working directory unless one is already there.",
      "Exit code: 0 done, 2 refused (not a complete backup, data directory not empty,",
      "PostgreSQL store), 130 interrupted during the index rebuild (run `stave index rebuild`)."
    })
public class RestoreCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "DIR", description = "The backup directory")
  Path backup;

  @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr")
  boolean noProgress;

  @Override
  public Integer call() {
    if (store.dbUrl != null || System.getenv("STAVE_DB_URL") != null) {
      System.err.println(PostgresAdvice.TEXT);
      return 2;
    }
    Path data = store.dataDir == null ? Path.of("data") : store.dataDir;
    Restore.Result restored;
    try {
      restored = Restore.restore(backup, data.toAbsolutePath(), Path.of("").toAbsolutePath());
    } catch (BackupException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("Restore failed: " + e.getMessage());
      return 1;
    }
    System.out.printf(
        "Restored the store as of %s into %s.%n", restored.manifest().created(), data);
    restored.notes().forEach(n -> System.out.println("Note: " + n));
    try (ConfigurableApplicationContext ctx =
            SpringContexts.start(store, false, Map.of("stave.search.auto-start", "false"));
        ProgressBar bar = noProgress ? null : bar()) {
      RebuildResult result =
          ctx.getBean(SearchIndex.class)
              .rebuild(
                  (done, total) -> {
                    if (bar != null) {
                      bar.maxHint(total);
                      bar.stepTo(done);
                    }
                  });
      System.out.printf(
          Locale.ROOT, "Rebuilt the search index: %,d documents.%n", result.documents());
      return 0;
    } catch (CancellationException e) {
      System.err.println(
          "Interrupted while rebuilding the index: the store is restored; run `stave index"
              + " rebuild` (or start the server, which builds a missing index).");
      return 130;
    }
  }

  private static ProgressBar bar() {
    return new ProgressBarBuilder()
        .setTaskName("Indexing")
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" docs", 1)
        .showSpeed()
        .build();
  }
}

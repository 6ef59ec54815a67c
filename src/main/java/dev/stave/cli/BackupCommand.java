package dev.stave.cli;

import dev.stave.backup.BackupException;
import dev.stave.backup.PostgresAdvice;
import dev.stave.backup.SqliteBackup;
import dev.stave.catalog.CrashPoint;
import java.nio.file.Path;
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
import picocli.CommandLine.Parameters;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back up the data directory while the server keeps running: a consistent copy of the",
      "SQLite store (as of one instant; writes are not blocked), the audio signing key and the",
      "configuration files (application.properties/.yml, also under config/).",
      "DIR must be new or empty; the backup appears there only when complete (Ctrl-C leaves",
      "nothing). On PostgreSQL it explains how to use pg_dump instead.",
      "Exit code: 0 done, 2 refused (DIR not empty, PostgreSQL store), 130 interrupted."
    })
public class BackupCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the backup")
  Path dir;

  @Option(names = "--no-progress", description = "Do not draw a progress bar on stderr")
  boolean noProgress;

  // Holds the backup, complete but not yet renamed into place, until the process is stopped: for
  // the test that an interrupted backup leaves nothing behind.
  @Option(names = "--hold-before-rename", hidden = true)
  boolean holdBeforeRename;

  @Override
  public Integer call() throws Exception {
    if (store.dbUrl != null || System.getenv("STAVE_DB_URL") != null) {
      // Said before connecting: the advice does not depend on reaching the database.
      System.err.println(PostgresAdvice.TEXT);
      return 2;
    }
    try (ConfigurableApplicationContext ctx = SpringContexts.start(store, false, Map.of())) {
      SqliteBackup.Result result;
      try (ProgressBar bar = noProgress ? null : bar()) {
        result =
            ctx.getBean(SqliteBackup.class)
                .backup(
                    dir,
                    Path.of("").toAbsolutePath(),
                    (bytes, expected) -> {
                      if (bar != null) {
                        bar.maxHint(Math.max(expected, bytes) / 1024);
                        bar.stepTo(bytes / 1024);
                      }
                    },
                    () -> {
                      if (holdBeforeRename) {
                        CrashPoint.holdUntilKilled("backup written, before its rename");
                      }
                    });
      }
      System.out.printf(
          Locale.ROOT,
          "Backed up to %s: database as of %s (%,d KiB, schema version %s), %d file(s).%n",
          result.dir(),
          result.manifest().created(),
          result.databaseBytes() / 1024,
          result.manifest().schemaVersion(),
          result.manifest().files().size());
      result.notes().forEach(n -> System.out.println("Note: " + n));
      System.out.println("Restore with: stave restore " + result.dir() + " --data NEW_EMPTY_DIR");
      return 0;
    } catch (BackupException e) {
      System.err.println(e.getMessage());
      return 2;
    }
  }

  private static ProgressBar bar() {
    return new ProgressBarBuilder()
        .setTaskName("Backing up")
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" KiB", 1)
        .showSpeed()
        .build();
  }
}

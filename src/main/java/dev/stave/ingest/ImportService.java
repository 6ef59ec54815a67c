package dev.stave.ingest;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.library.LibraryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an {@link Importer} over files: resumes from the checkpoint of the same input, writes in
 * batches, keeps the search index current and returns the report.
 */
@Component
public class ImportService {
  private final CatalogStore store;
  private final LibraryStore library;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ImportCheckpoints checkpoints;
  private final ObjectProvider<ChangeFollower> followers;
  private final RunReports runs;

  public ImportService(
      CatalogStore store,
      LibraryStore library,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      ImportCheckpoints checkpoints,
      ObjectProvider<ChangeFollower> followers,
      RunReports runs) {
    this.runs = runs;
    this.store = store;
    this.library = library;
    this.jdbc = jdbc;
    this.tx = tx;
    this.checkpoints = checkpoints;
    this.followers = followers;
  }

  /**
   * Imports the files. The report is complete when {@link ImportReport#completed()}; an import
   * stopped by {@link ImportOptions#stopAfterBatches()} returns a report that is not.
   *
   * @throws ImportException when the input cannot be imported (missing file, unknown format)
   */
  public ImportReport run(Importer importer, List<Path> files, ImportOptions options)
      throws IOException {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new ImportException("no such file: " + f);
      }
    }
    String key = importer.format() + ":" + InputFiles.fingerprint(files);
    long resumeFrom = checkpoints.begin(key);
    long started = System.nanoTime();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    try (ImportReport report = new ImportReport(importer.format(), options.reportFile());
        ProgressBar bar = options.progress() ? progressBar(importer.format()) : null) {
      report.resumedFrom(resumeFrom);
      BatchWriter writer = new BatchWriter(store, library, jdbc, tx, checkpoints, key, report);
      ImportRun run =
          new ImportRun(writer, report, options, resumeFrom, () -> catchUp(report), bar);
      boolean completed = false;
      try {
        importer.read(files, run);
        long position = run.flush();
        checkpoints.complete(key, position);
        completed = true;
      } catch (ImportRun.Interrupted e) {
        report.note(e.getMessage());
      } catch (IOException | UncheckedIOException e) {
        // A file that breaks off (truncated gzip, disk error): what was read before is complete
        // and valid, so keep it; the report says where reading stopped.
        run.flush();
        report.note("reading stopped, the import is incomplete: " + e.getMessage());
      } finally {
        catchUp(report);
        report.finish(
            Duration.ofNanos(System.nanoTime() - started),
            Duration.ofNanos(Math.max(0, threads.getCurrentThreadCpuTime() - cpuStarted)),
            completed);
      }
      runs.record(
          RunReports.Kind.IMPORT,
          importer.format()
              + " "
              + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()),
          report.elapsed(),
          report.completed(),
          report::print);
      return report;
    }
  }

  /** Lets every projection of the catalog (the search index) apply what was just written. */
  private void catchUp(ImportReport report) {
    ChangeFollower.catchUpAll(
        followers.orderedStream().toList(),
        note -> {
          if (!report.notes().contains(note)) {
            report.note(note);
          }
        });
  }

  private static ProgressBar progressBar(String task) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(-1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .showSpeed()
        .build();
  }
}

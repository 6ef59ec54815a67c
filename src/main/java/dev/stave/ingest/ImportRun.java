package dev.stave.ingest;

import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.dao.DataAccessException;

/**
 * The {@link ImportSink} of one run: numbers records, drops those an interrupted run already wrote,
 * groups the rest into batches of about {@code batchSize} entities, and lets the search index catch
 * up every few batches.
 */
final class ImportRun implements ImportSink {
  /** How many batches between two catch-ups of the change followers (the search index). */
  static final int CATCH_UP_EVERY = 10;

  private final BatchWriter writer;
  private final ImportReport report;
  private final ImportOptions options;
  private final long resumeFrom;
  private final Runnable catchUp;
  private final ProgressBar bar;
  private final List<ImportRecord> pending = new ArrayList<>();
  private int pendingEntities;
  private long position;
  private int batches;

  ImportRun(
      BatchWriter writer,
      ImportReport report,
      ImportOptions options,
      long resumeFrom,
      Runnable catchUp,
      ProgressBar bar) {
    this.writer = writer;
    this.report = report;
    this.options = options;
    this.resumeFrom = resumeFrom;
    this.catchUp = catchUp;
    this.bar = bar;
  }

  @Override
  public void rowRead() {
    report.rowRead();
  }

  @Override
  public void skip(SourceRef where, String reason) {
    report.skip(where, reason);
  }

  @Override
  public void note(String message) {
    report.note(message);
  }

  @Override
  public void progress(long done, long total, String unit) {
    if (bar != null) {
      if (bar.getMax() != total) {
        bar.maxHint(total);
      }
      bar.stepTo(done);
    }
  }

  @Override
  public void accept(ImportRecord record) {
    long p = position++;
    report.record();
    if (p < resumeFrom) {
      return; // written by the interrupted run this one resumes
    }
    pending.add(record);
    pendingEntities += record.size();
    if (pendingEntities >= options.batchSize()) {
      flush();
    }
  }

  /** Writes what is pending; returns the number of records now durable. */
  long flush() {
    if (!pending.isEmpty()) {
      try {
        writer.write(pending, position, batches + 1 == options.holdInBatch());
      } catch (DataAccessException e) {
        // Something in the batch breaks a database rule the parser cannot see (say, a UUID that
        // another entity already has). Nothing of the batch was written: write its records one by
        // one to keep the good ones and report the bad one.
        writeOneByOne();
      }
      pending.clear();
      pendingEntities = 0;
      batches++;
      if (batches % CATCH_UP_EVERY == 0) {
        catchUp.run();
      }
      if (options.stopAfterBatches() > 0 && batches >= options.stopAfterBatches()) {
        throw new Interrupted(batches);
      }
    }
    return position;
  }

  private void writeOneByOne() {
    long p = position - pending.size();
    for (ImportRecord r : pending) {
      p++;
      try {
        writer.write(List.of(r), p);
      } catch (DataAccessException e) {
        report.skip(r.source(), "rejected by the database: " + rootMessage(e));
        writer.write(List.of(), p); // move the checkpoint past it
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    return m.replaceAll("\\s+", " ");
  }

  /** Thrown to simulate a crash after a given number of batches (see ImportOptions). */
  static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted(int batches) {
      super("import stopped after " + batches + " batches, as requested");
    }
  }
}

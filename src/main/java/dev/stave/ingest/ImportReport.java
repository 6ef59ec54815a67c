package dev.stave.ingest;

import dev.stave.catalog.WriteCounts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did. Every skip is counted; the first {@link #PRINTED_SKIPS} are kept for the
 * terminal and all of them go to the report file when one is given.
 */
public final class ImportReport implements AutoCloseable {
  static final int PRINTED_SKIPS = 20;

  /** One row that was not imported. */
  public record Skip(SourceRef where, String reason) {}

  private final String format;
  private final BufferedWriter reportFile;
  private final Map<String, WriteCounts> counts = new LinkedHashMap<>();
  private final List<Skip> firstSkips = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long rowsRead;
  private long records;
  private long resumedFrom;
  private long skipped;
  private Duration elapsed = Duration.ZERO;
  private Duration cpu = Duration.ZERO;
  private boolean completed;

  ImportReport(String format, Path reportPath) throws IOException {
    this.format = format;
    this.reportFile =
        reportPath == null ? null : Files.newBufferedWriter(reportPath, StandardCharsets.UTF_8);
    for (String kind : List.of("artists", "albums", "tracks")) {
      counts.put(kind, WriteCounts.ZERO);
    }
  }

  void rowRead() {
    rowsRead++;
  }

  void record() {
    records++;
  }

  void resumedFrom(long position) {
    resumedFrom = position;
  }

  void add(String kind, WriteCounts c) {
    counts.merge(kind, c, WriteCounts::plus);
  }

  void skip(SourceRef where, String reason) {
    skipped++;
    if (firstSkips.size() < PRINTED_SKIPS) {
      firstSkips.add(new Skip(where, reason));
    }
    if (reportFile != null) {
      try {
        reportFile.write(where + "\t" + reason.replace('\n', ' '));
        reportFile.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the report file", e);
      }
    }
  }

  void note(String message) {
    notes.add(message);
  }

  void finish(Duration elapsed, Duration cpu, boolean completed) {
    this.elapsed = elapsed;
    this.cpu = cpu;
    this.completed = completed;
  }

  public String format() {
    return format;
  }

  public long rowsRead() {
    return rowsRead;
  }

  public long records() {
    return records;
  }

  public long resumedFrom() {
    return resumedFrom;
  }

  public long skipped() {
    return skipped;
  }

  public List<Skip> firstSkips() {
    return List.copyOf(firstSkips);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Counts for {@code artists}, {@code albums} or {@code tracks}. */
  public WriteCounts counts(String kind) {
    return counts.getOrDefault(kind, WriteCounts.ZERO);
  }

  public WriteCounts total() {
    return counts.values().stream().reduce(WriteCounts.ZERO, WriteCounts::plus);
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** CPU time of the importing thread (SQLite works on it too): a rate that load cannot skew. */
  public Duration cpu() {
    return cpu;
  }

  public boolean completed() {
    return completed;
  }

  /** Tracks written (created, updated or confirmed unchanged) per second of wall time. */
  public double tracksPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : counts("tracks").total() / s;
  }

  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s %s in %.1f s (%,.0f tracks/s; %.1f s CPU, %,.0f tracks per CPU second)%n",
        completed ? "Imported" : "Stopped importing",
        format,
        elapsed.toNanos() / 1e9,
        tracksPerSecond(),
        cpu.toNanos() / 1e9,
        cpu.isZero() ? 0 : counts("tracks").total() / (cpu.toNanos() / 1e9));
    if (resumedFrom > 0) {
      out.printf(
          Locale.ROOT,
          "  resumed an interrupted import: %,d records were already written%n",
          resumedFrom);
    }
    out.printf(Locale.ROOT, "  rows read   %,12d%n", rowsRead);
    counts.forEach(
        (kind, c) ->
            out.printf(
                Locale.ROOT,
                "  %-10s  created %,d  updated %,d  unchanged %,d%n",
                kind,
                c.created(),
                c.updated(),
                c.unchanged()));
    out.printf(Locale.ROOT, "  skipped     %,12d%n", skipped);
    for (Skip s : firstSkips) {
      out.println("    " + s.where() + ": " + s.reason());
    }
    if (skipped > firstSkips.size()) {
      out.printf(
          Locale.ROOT,
          "    … and %,d more%s%n",
          skipped - firstSkips.size(),
          reportFile == null ? " (use --report FILE to list them all)" : "");
    }
    notes.forEach(n -> out.println("  note: " + n));
  }

  @Override
  public void close() throws IOException {
    if (reportFile != null) {
      reportFile.close();
    }
  }
}

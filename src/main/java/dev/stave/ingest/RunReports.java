package dev.stave.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The summaries of past imports and library scans, kept in the store ({@code run_reports}) so that
 * the operator console can show the last runs and what they reported long after the command that
 * ran them printed its report and exited. Each run is recorded by the service that ran it ({@link
 * ImportService}, the library scan), so the CLI, the server's first-start seeding and tests are all
 * recorded alike. Only the newest {@link #KEPT} of each kind are kept.
 *
 * <p>Decision: the summary is the report exactly as the command prints it (skips and problems
 * capped as printed there; a run given {@code --report FILE} lists every skip in that file), not a
 * structured copy of every counter: the console shows it as the operator would have read it in the
 * terminal, and a change to a report's counters needs no migration.
 */
@Component
public class RunReports {
  private static final Logger log = LoggerFactory.getLogger(RunReports.class);

  /** Runs kept per kind. */
  public static final int KEPT = 50;

  /** What was run. */
  public enum Kind {
    IMPORT,
    SCAN;

    String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One recorded run.
   *
   * @param source what was read: the import's format and files, or the scanned folders
   * @param headline the first line of the report ("Imported jsonl in 1.2 s …")
   * @param summary the whole report as printed
   */
  public record Run(
      Kind kind,
      String source,
      Instant startedAt,
      Instant finishedAt,
      boolean completed,
      String headline,
      String summary) {
    public Duration elapsed() {
      return Duration.between(startedAt, finishedAt);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public RunReports(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * Records a run that just ended, with its report as {@code print} writes it. Never fails the run
   * it records: a report that cannot be stored is logged and dropped (the run's own work is
   * committed already).
   */
  public void record(
      Kind kind, String source, Duration elapsed, boolean completed, Consumer<PrintStream> print) {
    try {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
        print.accept(out);
      }
      String summary = text.toString(StandardCharsets.UTF_8).stripTrailing();
      String headline = summary.lines().findFirst().orElse("").strip();
      Instant finished = clock.instant();
      Long max = jdbc.queryForObject("SELECT MAX(id) FROM run_reports", Long.class);
      long id = max == null ? 1 : max + 1;
      jdbc.update(
          "INSERT INTO run_reports (id, kind, source, started_at, finished_at, completed,"
              + " headline, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          id,
          kind.key(),
          source,
          finished.minus(elapsed).toString(),
          finished.toString(),
          completed,
          headline,
          summary);
      jdbc.update(
          "DELETE FROM run_reports WHERE kind = ? AND id <= ?",
          kind.key(),
          // the id of the KEPT-th newest run of this kind; older ones go
          jdbc
              .queryForList(
                  "SELECT id FROM run_reports WHERE kind = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
                  Long.class,
                  kind.key(),
                  KEPT)
              .stream()
              .findFirst()
              .orElse(0L));
    } catch (RuntimeException e) {
      log.warn("Could not record the report of a {} run: {}", kind.key(), e.toString());
    }
  }

  /** The newest {@code limit} runs of {@code kind}, newest first. */
  public List<Run> latest(Kind kind, int limit) {
    return jdbc.query(
        "SELECT kind, source, started_at, finished_at, completed, headline, summary"
            + " FROM run_reports WHERE kind = ? ORDER BY id DESC LIMIT ?",
        (rs, i) ->
            new Run(
                Kind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                rs.getString(2),
                Instant.parse(rs.getString(3)),
                Instant.parse(rs.getString(4)),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getString(7)),
        kind.key(),
        limit);
  }
}

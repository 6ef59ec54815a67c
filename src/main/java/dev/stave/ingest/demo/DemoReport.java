package dev.stave.ingest.demo;

import java.time.Duration;

/**
 * What seeding a demo catalog did.
 *
 * @param tracks tracks the demo catalog has
 * @param tracksCreated rows the run added to the store, per entity type
 * @param tracksSkipped tracks found complete from an earlier run and not generated again
 * @param tracksWritten tracks generated and passed to the store (idempotently) by this run
 * @param entitiesUpdated entities (of any type) whose stored content differed and was rewritten
 * @param elapsed wall time of the run
 * @param storeCpu CPU time the writing thread spent inside the store (JDBC, SQLite); unlike wall
 *     time it does not grow when other processes compete for the cores, so it is what to compare
 *     between store changes on a shared machine
 */
public record DemoReport(
    long tracks,
    long tracksCreated,
    long albumsCreated,
    long artistsCreated,
    long tracksSkipped,
    long tracksWritten,
    long entitiesUpdated,
    Duration elapsed,
    Duration storeCpu) {

  /** Tracks written per CPU second of the store (0 when nothing was written). */
  public double tracksPerStoreCpuSecond() {
    double seconds = storeCpu.toNanos() / 1e9;
    return tracksWritten == 0 || seconds <= 0 ? 0 : tracksWritten / seconds;
  }

  /** Tracks written per second of wall time (0 when nothing was written). */
  public double tracksPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return tracksWritten == 0 || seconds <= 0 ? 0 : tracksWritten / seconds;
  }
}

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
 * @param processCpu CPU time of the whole process during the run (every thread: generation, store,
 *     garbage collection, index making), the cost per track on a shared machine
 * @param indexesMade secondary indexes made at the end of a bulk load (0 when it was not one)
 * @param indexTime wall time spent making them, part of {@code elapsed}
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
    Duration storeCpu,
    Duration processCpu,
    int indexesMade,
    Duration indexTime) {

  /** Tracks written per CPU second of the store (0 when nothing was written). */
  public double tracksPerStoreCpuSecond() {
    double seconds = storeCpu.toNanos() / 1e9;
    return tracksWritten == 0 || seconds <= 0 ? 0 : tracksWritten / seconds;
  }

  /** Microseconds of process CPU per track written (0 when nothing was written). */
  public double processCpuMicrosPerTrack() {
    return tracksWritten == 0 ? 0 : processCpu.toNanos() / 1e3 / tracksWritten;
  }

  /** Tracks written per second of wall time (0 when nothing was written). */
  public double tracksPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return tracksWritten == 0 || seconds <= 0 ? 0 : tracksWritten / seconds;
  }
}

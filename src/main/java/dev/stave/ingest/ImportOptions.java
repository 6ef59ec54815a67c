package dev.stave.ingest;

import java.nio.file.Path;

/**
 * How to run an import.
 *
 * @param batchSize entities per transaction
 * @param reportFile where to write every skipped row (null: none)
 * @param progress whether to draw a progress bar on stderr
 * @param stopAfterBatches stop abruptly after this many batches (0: never); simulates a crash
 * @param holdInBatch writes this batch (1-based) and holds its transaction open until the process
 *     is killed, for crash tests ({@link dev.stave.catalog.CrashPoint}; 0: never)
 */
public record ImportOptions(
    int batchSize, Path reportFile, boolean progress, int stopAfterBatches, int holdInBatch) {
  public static final int DEFAULT_BATCH_SIZE = 5000;

  public ImportOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    if (stopAfterBatches < 0 || holdInBatch < 0) {
      throw new IllegalArgumentException(
          "stop-after-batches and hold-in-batch must not be negative");
    }
  }

  public static ImportOptions defaults() {
    return new ImportOptions(DEFAULT_BATCH_SIZE, null, false, 0, 0);
  }
}

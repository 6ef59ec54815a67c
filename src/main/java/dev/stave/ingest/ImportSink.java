package dev.stave.ingest;

/**
 * What an {@link Importer} hands its results to. The sink batches records, writes them, keeps the
 * checkpoint and the report; the importer only parses.
 */
public interface ImportSink {
  /** Counts one physical input row (line, CSV row, XML element) read, whatever became of it. */
  void rowRead();

  /** Reports a row or record that is not imported, with the reason an operator can act on. */
  void skip(SourceRef where, String reason);

  /** An informational line for the final report (e.g. how many rows were merged). */
  void note(String message);

  /** Progress for the terminal bar, in whatever unit the importer knows the total of. */
  void progress(long done, long total, String unit);

  /** Hands over the next record; records are numbered in the order they arrive. */
  void accept(ImportRecord record);
}

package dev.stave.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one input format and emits catalog records. Implementations are Spring beans, found by
 * {@link #format()} in the {@link ImporterRegistry}; adding a format means adding a bean.
 */
public interface Importer {
  /** The name operators type: {@code stave import FORMAT FILE...}. */
  String format();

  /** One line for {@code stave import --help}. */
  String description();

  /**
   * Reads every file and hands records to the sink, in an order that is the same on every run over
   * the same input (the checkpoint counts records).
   *
   * @throws ImportException when the input cannot be imported at all (unknown file, bad header);
   *     thrown before the first record is accepted whenever the problem is detectable up front
   */
  void read(List<Path> files, ImportSink sink) throws IOException;
}

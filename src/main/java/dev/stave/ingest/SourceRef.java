package dev.stave.ingest;

import java.nio.file.Path;

/** Where a record came from: file name and 1-based line (0 when the format has no lines). */
public record SourceRef(String file, long line) {
  public static SourceRef of(Path file, long line) {
    return new SourceRef(file.getFileName().toString(), line);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}

package dev.stave.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads a (possibly gzipped) UTF-8 text file line by line, knowing the current line number. */
final class LineReader implements AutoCloseable {
  private final BufferedReader in;
  private final InputFiles.Counting counting;
  private long line;

  LineReader(Path file) throws IOException {
    this.counting = new InputFiles.Counting(java.nio.file.Files.newInputStream(file));
    this.in =
        new BufferedReader(
            new InputStreamReader(InputFiles.decompressing(counting), StandardCharsets.UTF_8),
            1 << 16);
  }

  /** The next line without its terminator, or null at the end; a leading BOM is dropped. */
  String next() throws IOException {
    String s = in.readLine();
    if (s != null) {
      line++;
      if (line == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
        s = s.substring(1);
      }
    }
    return s;
  }

  /** 1-based number of the line last returned. */
  long line() {
    return line;
  }

  /** Bytes of the file (as stored, i.e. compressed) consumed so far. */
  long bytesRead() {
    return counting.count();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package dev.stave.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small hand-written inputs, copied or written into a test's temporary directory. */
final class Fixtures {
  private Fixtures() {}

  static Path resource(String name, Path dir) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/ingest/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /ingest/" + name);
      }
      Path out = dir.resolve(name);
      Files.copy(in, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A gzip copy under a name that does not say so: detection must go by the bytes. */
  static Path gzip(Path file, String name) {
    Path out = file.resolveSibling(name);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
      Files.copy(file, o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

package dev.stave.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data files under {@code ../shared/data} (system property {@code stave.shared-dir}). */
final class SharedData {
  private SharedData() {}

  /** The file, or the test is skipped with a message saying which file is missing. */
  static Path file(String relative) {
    String dir = System.getProperty("stave.shared-dir", "../shared");
    Path p = Path.of(dir, "data", relative);
    boolean present = Files.isRegularFile(p);
    if (!present) {
      System.out.println("SKIPPED real-data test: " + p + " is absent (no ../shared checkout)");
    }
    assumeTrue(present, () -> "real data file " + p + " is absent; real-data test skipped");
    return p;
  }
}

package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.search.SampleData;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stave index rebuild} through the real command line and Spring context. */
class IndexCommandTest {

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = StaveCommand.run(args);
      assertThat(code).as("exit code").isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsTheRebuildSubcommand() {
    assertThat(run("index", "--help")).contains("rebuild").contains("search index");
    assertThat(run("index", "rebuild", "--help")).contains("--data").contains("Ctrl-C");
  }

  @Test
  void rebuildIndexesTheCatalogAndReportsCountAndTime(@TempDir Path data) throws Exception {
    try (TestStore db = TestStores.sqlite(data)) {
      db.store().write(SampleData.catalog());
    }
    String out = run("index", "rebuild", "--data", data.toString());
    // 8 tracks + 3 albums + 3 artists.
    assertThat(out).containsPattern("Indexed 14 documents in [0-9.]+ s .*change-log seq 14\\.");
    String gen = Files.readString(data.resolve("index/CURRENT")).trim();
    assertThat(data.resolve("index").resolve(gen)).isDirectory();
    // A second rebuild replaces the generation.
    run("index", "rebuild", "--data", data.toString());
    assertThat(Files.readString(data.resolve("index/CURRENT")).trim()).isNotEqualTo(gen);
  }
}

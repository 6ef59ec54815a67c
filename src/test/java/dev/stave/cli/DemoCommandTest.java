package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.ingest.demo.DemoGenerator;
import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.StaveProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class DemoCommandTest {

  @Test
  void secondRunWithSameSizeAndSeedCreatesNothing(@TempDir Path data) {
    Run first = run("demo", "--tracks", "2000", "--data", data.toString());
    assertThat(first.exit).isZero();
    assertThat(first.out).contains("created 2,000 tracks");

    Run second = run("demo", "--tracks", "2000", "--data", data.toString());
    assertThat(second.exit).isZero();
    assertThat(second.out).contains("created 0 tracks, 0 albums, 0 artists; updated 0;");
    assertThat(second.out).contains("2,000 tracks already present");

    // Through the upsert path as well: every entity is recognised as unchanged.
    Run rewrite = run("demo", "--tracks", "2000", "--data", data.toString(), "--rewrite");
    assertThat(rewrite.exit).isZero();
    assertThat(rewrite.out).contains("created 0 tracks, 0 albums, 0 artists; updated 0;");
    assertThat(rewrite.out).contains("Wrote 2,000 tracks");
  }

  @Test
  void interruptedRunIsCompletedToTheSameCatalog(@TempDir Path data) {
    DemoGenerator gen = new DemoGenerator(12_000, 5, 3_000);
    DemoGenerator cliLayout = new DemoGenerator(12_000, 5);
    long prefix;
    try (ConfigurableApplicationContext ctx = context(data)) {
      // An earlier run that stopped after its first batch.
      CatalogBatch firstBatch = cliLayout.batch(0);
      ctx.getBean(CatalogStore.class).write(firstBatch);
      prefix = firstBatch.tracks().size();
    }
    Run resumed = run("demo", "--tracks", "12000", "--seed", "5", "--data", data.toString());
    assertThat(resumed.exit).isZero();
    assertThat(resumed.out)
        .contains("created %,d tracks".formatted(12_000 - prefix))
        .contains("%,d tracks already present".formatted(prefix));

    List<Track> expected = new ArrayList<>();
    for (int b = 0; b < gen.batches().size(); b++) {
      expected.addAll(gen.batch(b).tracks());
    }
    try (ConfigurableApplicationContext ctx = context(data)) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      List<Track> stored = store.findTracks(LongStream.rangeClosed(1, 12_000).boxed().toList());
      assertThat(stored).isEqualTo(expected);
    }
  }

  /**
   * A bulk load sets the secondary indexes aside while it writes into an empty catalog (see
   * CatalogIndexes). Killed half way, it leaves a catalog without them: any other start of the
   * application (a server) makes them before it serves, and the demo run again completes the same
   * catalog and ends with every index the migrations define, with the same definitions.
   */
  @Test
  void aKilledBulkLoadEndsWithTheSameCatalogAndEveryIndex(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (StaveProcess p = StaveProcess.start(dir, bulkDemo(data, "--hold-after-batch", "2"))) {
      p.killAtCrashPoint();
    }
    Map<String, String> complete = indexes(dir.resolve("fresh"));
    assertThat(complete).containsKeys("tracks_name", "albums_artist", "track_artists_artist");
    Map<String, String> killed = indexes(data);
    assertThat(killed).doesNotContainKeys("tracks_name", "albums_artist", "track_artists_artist");

    // Another start (what `stave serve` does first) on a copy of the killed catalog.
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    for (String file : List.of("stave.db", "stave.db-wal")) {
      if (Files.exists(data.resolve(file))) {
        Files.copy(data.resolve(file), copy.resolve(file));
      }
    }
    context(copy).close();
    assertThat(indexes(copy)).isEqualTo(complete);

    long stored = new DemoGenerator(12_000, 5, 3_000).batches().get(1).lastTrackId();
    Run resumed = run(bulkDemo(data));
    assertThat(resumed.exit).isZero();
    assertThat(resumed.out)
        .contains("created %,d tracks".formatted(12_000 - stored))
        .contains("%,d tracks already present".formatted(stored))
        .contains("Bulk load: made the 11 secondary indexes");
    assertThat(indexes(data)).isEqualTo(complete);

    DemoGenerator gen = new DemoGenerator(12_000, 5);
    List<Track> expected = new ArrayList<>();
    for (int b = 0; b < gen.batches().size(); b++) {
      expected.addAll(gen.batch(b).tracks());
    }
    try (ConfigurableApplicationContext ctx = context(data)) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      assertThat(store.findTracks(LongStream.rangeClosed(1, 12_000).boxed().toList()))
          .isEqualTo(expected);
    }
  }

  /** Name and definition of every index of the SQLite catalog in {@code data}, read directly. */
  private static Map<String, String> indexes(Path data) throws SQLException {
    if (!Files.exists(data.resolve("stave.db"))) {
      context(data).close(); // a fresh catalog, migrated
    }
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  @Test
  void refusesToMixWithAnotherCatalog(@TempDir Path data) {
    assertThat(run("demo", "--tracks", "100", "--seed", "1", "--data", data.toString()).exit)
        .isZero();
    Run other = run("demo", "--tracks", "100", "--seed", "2", "--data", data.toString());
    assertThat(other.exit).isEqualTo(2);
    assertThat(other.err).contains("not the demo catalog of seed 2");
  }

  @Test
  void helpDescribesTheOptions() {
    Run help = run("demo", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--tracks=N", "--seed=S", "--data=DIR");
  }

  record Run(int exit, String out, String err) {}

  /** The bulk load the kill test stops and resumes: 12,000 tracks of seed 5 in four batches. */
  private static String[] bulkDemo(Path data, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("demo", "--tracks", "12000", "--seed", "5", "--batch", "3000"));
    args.addAll(List.of(extra));
    args.addAll(List.of("--data", data.toString()));
    return args.toArray(String[]::new);
  }

  private static Run run(String... args) {
    CommandRun r = CommandRun.of(args);
    return new Run(r.exit(), r.out(), r.err());
  }

  private static ConfigurableApplicationContext context(Path data) {
    StoreOptions options = new StoreOptions();
    options.dataDir = data;
    return SpringContexts.start(options, false, Map.of());
  }
}

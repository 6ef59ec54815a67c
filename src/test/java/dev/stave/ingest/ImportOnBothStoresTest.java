package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogStore;
import dev.stave.library.LibraryTables;
import dev.stave.testsupport.BothStores;
import dev.stave.testsupport.RealData;
import dev.stave.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stave import} against SQLite and PostgreSQL (with {@code --db-url}), as an operator. */
@BothStores
class ImportOnBothStoresTest {
  @TempDir Path dir;

  private final CatalogStore store;
  private final TestDatabase db;

  ImportOnBothStoresTest(CatalogStore store, TestDatabase db) {
    this.store = store;
    this.db = db;
  }

  private CliRun importFiles(String format, List<Path> files) {
    List<String> args = new ArrayList<>(List.of("import", format));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(db.cliOptions());
    args.add("--no-progress");
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void jsonlCoversTheWholeModelAndReimportsAsUnchanged() {
    Path file =
        Fixtures.write(
            dir,
            "all.jsonl",
            JsonlImportTest.FULL
                + """
                {"type":"user","id":70,"name":"ana"}
                {"type":"playlist","id":80,"name":"Mix","user_id":70,"track_ids":[500,501]}
                {"type":"review","id":90,"entity_type":"track","entity_id":500,"user_id":70,"score":5}
                {"type":"radio","id":3,"name":"fado","tags":["fado"]}
                {"type":"feed","id":4,"feed_type":"news","title":{"en":"Hello"}}
                """);
    CliRun first = importFiles("jsonl", List.of(file));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.count("tracks", "created")).isEqualTo(2);
    assertThat(first.count("playlists", "created")).isEqualTo(1);
    assertThat(first.skipped()).isZero();
    // this test's own Stave context holds the search index, like a running server would: the
    // import leaves the index to it and says so
    assertThat(first.out()).contains("is open in another Stave process");
    assertThat(store.read(LibraryTables.PLAYLISTS, List.of(80L)).get(0).trackIds())
        .containsExactly(500L, 501L);

    CliRun again = importFiles("jsonl", List.of(file));
    assertThat(again.count("tracks", "unchanged")).isEqualTo(2);
    assertThat(again.count("tracks", "created") + again.count("tracks", "updated")).isZero();
    assertThat(again.count("reviews", "unchanged")).isEqualTo(1);
  }

  @Test
  void realReccoBeatsExportsImportWithTheirUuids() {
    List<Path> files =
        List.of(
            RealData.require("reccobeats/features_arctic_monkeys_2026.csv"),
            RealData.require("reccobeats/features_fleetwood_mac_2026.csv"),
            RealData.require("reccobeats/features_taylor_swift_2026.csv"));
    CliRun run = importFiles("spotify-csv", files);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.rowsRead()).isEqualTo(377);
    assertThat(run.skipped()).isZero();
    Long id =
        store
            .idsBySpotifyId("tracks", List.of("5FVd6KXrgO9B3JPmC8OPst"))
            .get("5FVd6KXrgO9B3JPmC8OPst");
    assertThat(store.findTracks(List.of(id)).get(0).uuid())
        .hasToString("de5f8816-bde0-4123-9cdd-b0b13d921386");
    CliRun again = importFiles("spotify-csv", files);
    assertThat(again.count("tracks", "created") + again.count("tracks", "updated")).isZero();
  }
}

package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code relation} lines and playlist entries with added dates of the JSONL format. */
class JsonlLibraryImportTest {
  @TempDir Path dir;

  static final String LIBRARY =
      """
      {"type":"artist","id":5,"name":"Ana Ribeiro"}
      {"type":"album","id":50,"name":"Noite","artist_ids":[5]}
      {"type":"track","id":500,"name":"Alfama","artist_ids":[5],"album_id":50}
      {"type":"track","id":501,"name":"Minimal","artist_ids":[5]}
      {"type":"user","id":7,"name":"ana"}
      {"type":"playlist","id":80,"name":"Road","user_id":7,"tracks":[{"track_id":501,"added_date":"2021-05-02"},{"track_id":500}]}
      {"type":"relation","user_id":7,"relation":"fan","artist_id":5,"updated_at":"2021-01-02 03:04:05"}
      {"type":"relation","user_id":7,"relation":"myalbum","album_id":50,"updated_at":"2021-01-02T03:04:05"}
      {"type":"relation","user_id":7,"relation":"like","track_id":500,"updated_at":"2021-01-03 00:00:00"}
      {"type":"relation","user_id":7,"relation":"favorite","track_id":999,"updated_at":"2021-01-03 00:00:00"}
      {"type":"relation","user_id":7,"relation":"fan","track_id":500,"updated_at":"2021-01-03 00:00:00"}
      {"type":"relation","user_id":7,"relation":"like","track_id":501}
      {"type":"relation","user_id":7,"relation":"hug","track_id":501,"updated_at":"2021-01-03 00:00:00"}
      {"type":"relation","user_id":7,"relation":"like","track_id":501,"updated_at":"2021-01-03 00:00:00","note":"x"}
      {"type":"playlist","id":81,"name":"Both","track_ids":[500],"tracks":[{"track_id":500}]}
      """;

  @Test
  void importsRelationsAndPlaylistAddedDatesIdempotently() {
    Path data = dir.resolve("data");
    Path file = Fixtures.write(dir, "library.jsonl", LIBRARY);
    CliRun run = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(run.exitCode()).as(run.err()).isZero();
    // a relation to an id that is not in the catalog (track 999) is stored, as Jamendo does
    assertThat(run.count("relations", "created")).isEqualTo(4);
    assertThat(run.skipped()).isEqualTo(5);
    assertThat(run.out())
        .contains("library.jsonl:11:", "takes artist_id, not track_id")
        .contains("library.jsonl:12:", "updated_at is required")
        .contains("library.jsonl:13:", "relation must be fan, myalbum, favorite, like or dislike")
        .contains("library.jsonl:14:")
        .contains("library.jsonl:15:", "give track_ids or tracks, not both");
    try (Catalog c = new Catalog(data)) {
      Playlist p = c.store().read(LibraryTables.PLAYLISTS, List.of(80L)).get(0);
      assertThat(p.trackIds()).containsExactly(501L, 500L);
      assertThat(p.addedDates()).containsExactly(LocalDate.of(2021, 5, 2), null);
      assertThat(
              c.sql()
                  .query(
                      "SELECT relation, target_id, updated_at FROM user_relations"
                          + " WHERE user_id = 7 ORDER BY relation",
                      (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3)))
          .containsExactly(
              "fan 5 2021-01-02 03:04:05",
              "favorite 999 2021-01-03 00:00:00",
              "like 500 2021-01-03 00:00:00",
              "myalbum 50 2021-01-02 03:04:05");
    }
    CliRun again = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.count("relations", "unchanged")).isEqualTo(4);
    assertThat(again.count("relations", "created")).isZero();
  }
}

package dev.stave.ingest.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stave scan} through the CLI on a small generated library: tags of six formats, fallbacks
 * for an untagged file, a corrupt file, then rescans after an edit, a move and a deletion, and an
 * interrupted scan that resumes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryScanTest {
  @TempDir static Path tmp;
  Path music;
  Path data;

  @BeforeAll
  void library() throws Exception {
    music = tmp.resolve("music");
    data = tmp.resolve("data");
    Path cover = TestAudio.cover(tmp.resolve("cover.jpg"), "red");
    TestAudio.write(
        music.resolve("Ana/First Album/01 - Opening.mp3"),
        TestAudio.tone(1, 440),
        Map.of(
            "title", "Opening",
            "artist", "Ana",
            "album", "First Album",
            "track", "1/2",
            "date", "2020-05-17",
            "genre", "Rock",
            "TSRC", "USRC17607839"),
        cover);
    TestAudio.write(
        music.resolve("Ana/First Album/02.ogg"),
        TestAudio.tone(1, 660),
        Map.of("title", "Second", "artist", "Ana", "album", "First Album", "tracknumber", "2"),
        null);
    TestAudio.write(
        music.resolve("Ben/Noise/track.flac"),
        TestAudio.noise(1),
        Map.of("title", "Static", "artist", "Ben", "album", "Noise", "date", "not a date"),
        null);
    TestAudio.write(
        music.resolve("untagged/03 Quiet Song.wav"), TestAudio.silence(1), Map.of(), null);
    TestAudio.write(
        music.resolve("single.opus"),
        TestAudio.tone(1, 550),
        Map.of("title", "Lone", "artist", "Cleo"),
        null);
    TestAudio.write(
        music.resolve("Cleo/Mp4/tune.m4a"),
        TestAudio.tone(1, 330),
        Map.of("title", "Tune", "artist", "Cleo", "album", "Mp4"),
        null);
    Files.write(music.resolve("Ben/Noise/corrupt.mp3"), new byte[] {0x49, 0x44, 0x33, 1, 2, 3});
  }

  private CliRun scan(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("scan", "--data", data.toString(), "--no-progress"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static long count(CliRun run, String label) {
    for (String line : run.out().lines().toList()) {
      String t = line.strip();
      if (t.startsWith(label + " ")) {
        return Long.parseLong(t.substring(label.length()).strip().split("\\s")[0].replace(",", ""));
      }
    }
    throw new AssertionError("no '" + label + "' in:\n" + run.out() + run.err());
  }

  private List<List<Object>> sql(String query) throws Exception {
    return sql(data, query);
  }

  /** The rows of {@code query} on the SQLite store of {@code data}. */
  static List<List<Object>> sql(Path data, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs = c.createStatement().executeQuery(query)) {
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private Object one(String query) throws Exception {
    List<List<Object>> rows = sql(query);
    assertThat(rows).as(query).hasSize(1);
    return rows.get(0).get(0);
  }

  @Test
  void scanRescanEditMoveDeleteAndResume() throws Exception {
    CliRun first = scan(music.toString());
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(count(first, "files")).isEqualTo(7);
    assertThat(count(first, "added")).isEqualTo(6);
    assertThat(count(first, "unreadable")).isEqualTo(1);
    assertThat(first.out())
        .contains("corrupt.mp3: not a readable audio file")
        .contains("03 Quiet Song.wav: imported with fallbacks: title from the file name, no artist")
        .contains("track.flac: imported with fallbacks: unreadable date 'not a date'");

    // Tags became catalog entities, linked to their files.
    assertThat(one("SELECT name FROM tracks WHERE isrc = 'USRC17607839'")).isEqualTo("Opening");
    assertThat(
            one(
                "SELECT a.name || '|' || al.name || '|' || t.position || '|' || t.release_date"
                    + " FROM tracks t JOIN albums al ON al.id = t.album_id"
                    + " JOIN track_artists ta ON ta.track_id = t.id"
                    + " JOIN artists a ON a.id = ta.artist_id WHERE t.name = 'Opening'"))
        .isEqualTo("Ana|First Album|1|2020-05-17");
    assertThat(
            one("SELECT COUNT(DISTINCT album_id) FROM tracks WHERE name IN ('Opening','Second')"))
        .isEqualTo(1);
    assertThat(
            one(
                "SELECT tag FROM track_tags tt JOIN tracks t ON t.id = tt.track_id"
                    + " WHERE t.name = 'Opening'"))
        .isEqualTo("rock");
    assertThat(one("SELECT name FROM tracks WHERE album_id IS NULL")).isEqualTo("Lone");
    assertThat(
            one(
                "SELECT t.name || '|' || al.name || '|' || a.name FROM tracks t"
                    + " JOIN albums al ON al.id = t.album_id JOIN track_artists ta"
                    + " ON ta.track_id = t.id JOIN artists a ON a.id = ta.artist_id"
                    + " WHERE t.name = 'Quiet Song'"))
        .isEqualTo("Quiet Song|untagged|Unknown artist");
    assertThat(sql("SELECT codec, has_cover FROM audio_files ORDER BY path"))
        .extracting(r -> r.get(0) + ":" + r.get(1))
        .containsExactlyInAnyOrder("mp3:1", "vorbis:0", "flac:0", "pcm_s16le:0", "opus:0", "aac:0");
    assertThat(((Number) one("SELECT duration_ms FROM tracks WHERE name = 'Second'")).longValue())
        .isBetween(900L, 1100L);

    // A rescan reads nothing again.
    CliRun again = scan();
    assertThat(again.exitCode()).isZero();
    assertThat(count(again, "unchanged")).isEqualTo(6);
    assertThat(count(again, "added")).isZero();
    assertThat(again.out()).contains(music.toRealPath().toString());

    // Edit one, move one, delete one.
    Object secondId = one("SELECT id FROM tracks WHERE name = 'Second'");
    Path ogg = music.resolve("Ana/First Album/02.ogg");
    TestAudio.write(
        ogg,
        TestAudio.tone(2, 660),
        Map.of("title", "Second (remastered)", "artist", "Ana", "album", "First Album"),
        null);
    Object staticId = one("SELECT id FROM tracks WHERE name = 'Static'");
    Files.createDirectories(music.resolve("Ben/Moved"));
    Files.move(music.resolve("Ben/Noise/track.flac"), music.resolve("Ben/Moved/renamed.flac"));
    Files.delete(music.resolve("single.opus"));
    CliRun changed = scan();
    assertThat(changed.exitCode()).as(changed.out()).isZero();
    assertThat(count(changed, "updated")).isEqualTo(1);
    assertThat(count(changed, "moved")).isEqualTo(1);
    assertThat(count(changed, "deleted")).isEqualTo(1);
    assertThat(count(changed, "added")).isZero();
    assertThat(one("SELECT name FROM tracks WHERE id = " + secondId))
        .isEqualTo("Second (remastered)");
    assertThat(((Number) one("SELECT duration_ms FROM tracks WHERE id = " + secondId)).longValue())
        .isBetween(1900L, 2100L);
    assertThat(one("SELECT track_id FROM audio_files WHERE path LIKE '%renamed.flac'"))
        .isEqualTo(staticId);
    assertThat(one("SELECT COUNT(*) FROM audio_files WHERE path LIKE '%track.flac'")).isEqualTo(0);
    assertThat(one("SELECT present FROM audio_files WHERE path LIKE '%single.opus'")).isEqualTo(0);

    // An interrupted scan keeps what it wrote and the next run finishes it.
    for (int i = 0; i < 3; i++) {
      TestAudio.write(
          music.resolve("Dora/Live/0" + i + ".mp3"),
          TestAudio.tone(0.5, 300 + i * 100),
          Map.of("title", "Live " + i, "artist", "Dora", "album", "Live"),
          null);
    }
    CliRun stopped = scan("--batch-size", "1", "--stop-after-batches", "1");
    assertThat(stopped.exitCode()).isEqualTo(3);
    assertThat(count(stopped, "added")).isEqualTo(1);
    assertThat(stopped.out()).contains("run the same scan again");
    CliRun resumed = scan();
    assertThat(resumed.exitCode()).isZero();
    assertThat(count(resumed, "added")).isEqualTo(2);
    assertThat(one("SELECT COUNT(*) FROM tracks WHERE name LIKE 'Live %'")).isEqualTo(3);
    assertThat(one("SELECT COUNT(*) FROM albums WHERE name = 'Live'")).isEqualTo(1);
  }

  @Test
  void parallelReadsGiveTheSameCatalogWhateverTheBatching() throws Exception {
    Path many = tmp.resolve("many");
    for (int i = 0; i < 12; i++) {
      String artist = "Artist " + (i % 3);
      Map<String, String> tags =
          i % 4 == 3
              ? Map.of() // untagged: names from the folders
              : Map.of("title", "Song " + i, "artist", artist, "album", "Album " + (i % 2));
      TestAudio.write(
          many.resolve(artist + "/Album " + (i % 2) + "/" + (10 + i) + " Song " + i + ".mp3"),
          TestAudio.tone(0.5, 300 + 20 * i),
          tags,
          null);
    }
    Files.write(many.resolve("broken.mp3"), new byte[] {1, 2, 3});
    String catalog =
        "SELECT f.path, f.track_id, t.name, t.album_id, a.name, ar.name FROM audio_files f"
            + " JOIN tracks t ON t.id = f.track_id LEFT JOIN albums a ON a.id = t.album_id"
            + " JOIN track_artists ta ON ta.track_id = t.id JOIN artists ar ON ar.id = ta.artist_id"
            + " ORDER BY f.path";
    List<List<List<Object>>> results = new ArrayList<>();
    for (String batch : List.of("1", "5", "50")) {
      Path dir = tmp.resolve("batch-" + batch);
      CliRun run =
          CliRun.of(
              "scan",
              many.toString(),
              "--data",
              dir.toString(),
              "--no-progress",
              "--batch-size",
              batch);
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(count(run, "added")).isEqualTo(12);
      assertThat(count(run, "unreadable")).isEqualTo(1);
      results.add(sql(dir, catalog));
    }
    assertThat(results.get(0)).hasSize(12);
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(2)).isEqualTo(results.get(0));
  }

  @Test
  void aMissingFolderIsRefused() {
    CliRun run = scan(tmp.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a folder");
  }
}

package dev.stave.ingest.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stave scan} over an imported catalog, through the CLI: each file is attached to the
 * catalog track it is the audio of, by the first rule that matches (Jamendo id in the file name,
 * ISRC, MusicBrainz recording id, names with the duration within 2 s), and only the files that
 * match nothing become new tracks. The report says which rule matched how many files; a rescan
 * changes nothing, and a moved file keeps its link.
 */
class ScanLinksCatalogTest {
  @TempDir Path tmp;

  private static final String CATALOG =
      """
      {"type":"artist","id":7,"name":"Ana"}
      {"type":"album","id":33,"name":"Record","artist_ids":[7]}
      {"type":"track","id":1,"name":"One","artist_ids":[7],"album_id":33,"duration_ms":1000}
      {"type":"track","id":245,"name":"By Id","artist_ids":[7],"album_id":33,"duration_ms":1000}
      {"type":"track","id":300,"name":"By Isrc","artist_ids":[7],"isrc":"PTABC2600001","duration_ms":1000}
      {"type":"track","id":301,"name":"By Mbid","artist_ids":[7],"musicbrainz_id":"0d4b1b2e-5f5b-4a53-9e5c-1f3a3c1b0a01","duration_ms":1000}
      {"type":"track","id":302,"name":"By Names","artist_ids":[7],"album_id":33,"duration_ms":2500}
      {"type":"track","id":303,"name":"Too Long","artist_ids":[7],"album_id":33,"duration_ms":9000}
      """;

  @Test
  void filesAreAttachedToCatalogTracksByTheFirstRuleThatMatches() throws Exception {
    Path data = tmp.resolve("data");
    Path music = tmp.resolve("music");
    Path catalog = Files.writeString(tmp.resolve("catalog.jsonl"), CATALOG);
    CliRun imported =
        CliRun.of(
            "import", "jsonl", catalog.toString(), "--data", data.toString(), "--no-progress");
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();

    TestAudio.write(music.resolve("45/245.mp3"), TestAudio.tone(1, 440), Map.of(), null);
    TestAudio.write(
        music.resolve("x.mp3"), TestAudio.tone(1, 500), Map.of("TSRC", "PTABC2600001"), null);
    TestAudio.write(
        music.resolve("y.flac"),
        TestAudio.tone(1, 550),
        Map.of("MUSICBRAINZ_TRACKID", "0d4b1b2e-5f5b-4a53-9e5c-1f3a3c1b0a01"),
        null);
    TestAudio.write(
        music.resolve("z.ogg"),
        TestAudio.tone(3, 600),
        Map.of("title", "By Names", "artist", "Ana", "album", "Record"),
        null);
    // Same names as a catalog track, but 6 s shorter: a different recording, a new track.
    TestAudio.write(
        music.resolve("long.ogg"),
        TestAudio.tone(3, 650),
        Map.of("title", "Too Long", "artist", "Ana", "album", "Record"),
        null);
    // "01" is a track number, not Jamendo track 1: a new track.
    TestAudio.write(music.resolve("01.mp3"), TestAudio.tone(1, 700), Map.of(), null);

    CliRun first = scan(data, music.toString());
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out())
        .containsPattern("linked +4 ")
        .containsPattern("by Jamendo id in the file name +1")
        .containsPattern("by ISRC +1")
        .containsPattern("by MusicBrainz recording id +1")
        .containsPattern("by artist \\+ album \\+ title, duration within 2 s +1")
        .containsPattern("created 2 ");
    assertThat(links(data))
        .containsExactlyInAnyOrder(
            "45/245.mp3=245", "x.mp3=300", "y.flac=301", "z.ogg=302", "long.ogg=new", "01.mp3=new");
    // The catalog's metadata is kept: an attached file does not rename its track.
    assertThat(LibraryScanTest.sql(data, "SELECT name FROM tracks WHERE id = 245"))
        .containsExactly(List.of("By Id"));

    CliRun again = scan(data);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).containsPattern("unchanged +6").containsPattern("linked +0 ");

    Files.createDirectories(music.resolve("moved"));
    Files.move(music.resolve("45/245.mp3"), music.resolve("moved/renamed.mp3"));
    Files.move(music.resolve("x.mp3"), music.resolve("moved/x.mp3"));
    CliRun moved = scan(data);
    assertThat(moved.exitCode()).isZero();
    assertThat(moved.out()).containsPattern("moved +2").containsPattern("created 0 ");
    assertThat(links(data))
        .containsExactlyInAnyOrder(
            "moved/renamed.mp3=245",
            "moved/x.mp3=300",
            "y.flac=301",
            "z.ogg=302",
            "long.ogg=new",
            "01.mp3=new");
  }

  private static CliRun scan(Path data, String... folders) {
    List<String> args =
        new ArrayList<>(List.of("scan", "--data", data.toString(), "--no-progress"));
    args.addAll(List.of(folders));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Each present file as "path under the root=track id", "new" for tracks the scan created. */
  private List<String> links(Path data) throws Exception {
    String root = tmp.resolve("music").toRealPath() + "/";
    return LibraryScanTest.sql(data, "SELECT path, track_id FROM audio_files WHERE present = 1")
        .stream()
        .map(
            r -> {
              long id = ((Number) r.get(1)).longValue();
              return r.get(0).toString().replace(root, "")
                  + "="
                  + (CATALOG.contains("\"id\":" + id + ",") ? String.valueOf(id) : "new");
            })
        .toList();
  }
}

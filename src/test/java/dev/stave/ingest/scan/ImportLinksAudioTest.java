package dev.stave.ingest.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stave import ... --audio-root DIR} through the CLI: MTG-Jamendo rows keep their {@code
 * PATH} and jsonl tracks their {@code audio} field, and the import links each track to its file,
 * reporting linked, already linked and unmatched (file and reason; a missing file is not fatal).
 * Importing again changes nothing; a file moved and rescanned keeps its link.
 */
class ImportLinksAudioTest {
  @TempDir Path tmp;

  @Test
  void mtgJamendoPathsAreLinkedUnderTheAudioRoot() throws Exception {
    Path data = tmp.resolve("data");
    Path music = tmp.resolve("mp3");
    Path tsv =
        Files.writeString(
            tmp.resolve("autotagging_genre.tsv"),
            "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS\n"
                + "track_0000245\tartist_000007\talbum_000033\t45/245.mp3\t1.0\tgenre---rock\n"
                + "track_0000246\tartist_000007\talbum_000033\t46/246.mp3\t1.0\tgenre---rock\n"
                + "track_0000347\tartist_000008\talbum_000034\t47/347.mp3\t1.0\tgenre---jazz\n");
    TestAudio.write(music.resolve("45/245.mp3"), TestAudio.tone(1, 440), Map.of(), null);
    TestAudio.write(music.resolve("47/347.mp3"), TestAudio.tone(1, 500), Map.of(), null);

    CliRun first = importMtg(data, tsv, music);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out())
        .containsPattern("linked +2\\b")
        .containsPattern("already linked +0\\b")
        .containsPattern("unmatched +1\\b")
        .contains("46/246.mp3 (track 246): no such file under " + music.toAbsolutePath());
    assertThat(links(data, music)).containsExactlyInAnyOrder("45/245.mp3=245", "47/347.mp3=347");

    CliRun again = importMtg(data, tsv, music);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out())
        .containsPattern("linked +0\\b")
        .containsPattern("already linked +2\\b")
        .containsPattern("unmatched +1\\b");
    assertThat(links(data, music)).containsExactlyInAnyOrder("45/245.mp3=245", "47/347.mp3=347");

    // The missing file arrives and a moved one is found by content: a rescan links and keeps.
    TestAudio.write(music.resolve("46/246.mp3"), TestAudio.tone(1, 470), Map.of(), null);
    Files.createDirectories(music.resolve("elsewhere"));
    Files.move(music.resolve("47/347.mp3"), music.resolve("elsewhere/renamed.mp3"));
    CliRun rescan = CliRun.of("scan", "--data", data.toString(), "--no-progress");
    assertThat(rescan.exitCode()).as(rescan.out() + rescan.err()).isZero();
    assertThat(rescan.out())
        .containsPattern("moved +1")
        .containsPattern("by path named by the import +1")
        .containsPattern("created 0 ");
    assertThat(links(data, music))
        .containsExactlyInAnyOrder("45/245.mp3=245", "46/246.mp3=246", "elsewhere/renamed.mp3=347");
  }

  @Test
  void jsonlTracksNameTheirAudioRelativeToARoot() throws Exception {
    Path data = tmp.resolve("data");
    Path music = tmp.resolve("masters");
    Path jsonl =
        Files.writeString(
            tmp.resolve("catalog.jsonl"),
            """
            {"type":"artist","id":7,"name":"Ana"}
            {"type":"track","id":10,"name":"Named","artist_ids":[7],"audio":"label/first take.ogg"}
            {"type":"track","id":11,"name":"Outside","artist_ids":[7],"audio":"../secret.ogg"}
            {"type":"track","id":12,"name":"No audio","artist_ids":[7]}
            """);
    TestAudio.write(
        music.resolve("label/first take.ogg"),
        TestAudio.tone(1, 440),
        Map.of("title", "Tags do not rename", "artist", "Someone"),
        null);
    CliRun run =
        CliRun.of(
            "import",
            "jsonl",
            jsonl.toString(),
            "--audio-root",
            music.toString(),
            "--data",
            data.toString(),
            "--no-progress");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "audio must be a path relative to an audio root, such as 45/245.mp3, got '../secret.ogg'")
        .containsPattern("linked +1\\b")
        .containsPattern("unmatched +0\\b");
    assertThat(links(data, music)).containsExactly("label/first take.ogg=10");
    assertThat(LibraryScanTest.sql(data, "SELECT name FROM tracks WHERE id = 10"))
        .containsExactly(List.of("Named"));
  }

  @Test
  void aMissingAudioRootIsRefusedBeforeImporting() throws Exception {
    Path tsv =
        Files.writeString(tmp.resolve("x.tsv"), "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\n");
    CliRun run = importMtg(tmp.resolve("data"), tsv, tmp.resolve("nope"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--audio-root: not a folder");
  }

  private static CliRun importMtg(Path data, Path tsv, Path root) {
    return CliRun.of(
        "import",
        "mtg-jamendo",
        tsv.toString(),
        "--audio-root",
        root.toString(),
        "--data",
        data.toString(),
        "--no-progress");
  }

  /** Each present file as "path under the root=track id". */
  private static List<String> links(Path data, Path root) throws Exception {
    String prefix = root.toRealPath() + "/";
    return LibraryScanTest.sql(data, "SELECT path, track_id FROM audio_files WHERE present = 1")
        .stream()
        .map(r -> r.get(0).toString().replace(prefix, "") + "=" + r.get(1))
        .toList();
  }
}

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
 * Every import and scan leaves its report in the store ({@code run_reports}), as the command
 * printed it, for the operator console to show after the command has exited.
 */
class RunReportsTest {
  @TempDir Path tmp;

  @Test
  void anImportAndAScanThroughTheCliAreRecordedWithTheReportTheyPrinted() throws Exception {
    Path data = tmp.resolve("data");
    Path catalog =
        Files.writeString(
            tmp.resolve("catalog.jsonl"),
            """
            {"type":"artist","id":5,"name":"Ana Ribeiro"}
            {"type":"album","id":50,"name":"Lisboa","artist_ids":[5]}
            this line is no JSON
            """);
    CliRun imported =
        CliRun.of(
            "import", "jsonl", catalog.toString(), "--data", data.toString(), "--no-progress");
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    Path music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/Album/01.wav"),
        TestAudio.tone(1, 440),
        Map.of("title", "Opening", "artist", "Ana", "album", "Album"),
        null);
    CliRun scanned =
        CliRun.of("scan", music.toString(), "--data", data.toString(), "--no-progress");
    assertThat(scanned.exitCode()).as(scanned.err()).isZero();

    List<List<Object>> runs =
        LibraryScanTest.sql(
            data,
            "SELECT kind, source, completed, headline, summary, started_at <= finished_at"
                + " FROM run_reports ORDER BY id");
    assertThat(runs).hasSize(2);

    List<Object> importRun = runs.get(0);
    assertThat(importRun.get(0)).isEqualTo("import");
    assertThat((String) importRun.get(1)).isEqualTo("jsonl catalog.jsonl");
    assertThat(importRun.get(2)).isEqualTo(1);
    assertThat((String) importRun.get(3)).startsWith("Imported jsonl in ");
    assertThat(imported.out()).contains((String) importRun.get(4));
    assertThat((String) importRun.get(4))
        .contains("artists     created 1")
        .contains("skipped                1")
        .contains("catalog.jsonl:3");
    assertThat(importRun.get(5)).isEqualTo(1);

    List<Object> scanRun = runs.get(1);
    assertThat(scanRun.get(0)).isEqualTo("scan");
    assertThat((String) scanRun.get(1)).isEqualTo(music.toRealPath().toString());
    assertThat(scanRun.get(2)).isEqualTo(1);
    assertThat((String) scanRun.get(3)).startsWith("Scanned " + music.toRealPath());
    assertThat(scanned.out()).contains((String) scanRun.get(4));
    assertThat((String) scanRun.get(4)).contains("added       1");
  }
}

package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CrashTally;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import interrupted half way leaves a consistent catalog and resumes where it stopped. */
class ResumeTest {
  @TempDir Path dir;

  /**
   * A UUID fixed by kind and id, so two imports of the same file can be compared record by record.
   */
  private static UUID uuid(String kind, long id) {
    return UUID.nameUUIDFromBytes((kind + id).getBytes(StandardCharsets.UTF_8));
  }

  /** One artist, then {@code tracks} tracks by it. */
  static Path catalog(Path dir, int tracks) {
    Path file = dir.resolve("catalog-" + tracks + ".jsonl");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(
          "{\"type\":\"artist\",\"id\":1,\"uuid\":\""
              + uuid("artist", 1)
              + "\",\"name\":\"The Generator\"}\n");
      for (int i = 1; i <= tracks; i++) {
        w.write(
            "{\"type\":\"track\",\"id\":"
                + i
                + ",\"uuid\":\""
                + uuid("track", i)
                + "\",\"name\":\"Track "
                + i
                + "\",\"artist_ids\":[1],\"duration_ms\":"
                + (60_000 + i)
                + ",\"tags\":{\"genre\":[\"rock\"],\"mood\":[\"calm\"]}}\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Test
  void anImportStoppedAfterTwoBatchesResumesAndThenReRunsInFull() {
    Path data = dir.resolve("data");
    Path file = catalog(dir, 3_000);

    CliRun stopped =
        CliRun.importFiles(
            "jsonl", data, List.of(file), "--batch-size", "500", "--stop-after-batches", "2");
    assertThat(stopped.exitCode()).isEqualTo(3);
    assertThat(stopped.out()).contains("Stopped importing jsonl");
    try (Catalog c = new Catalog(data)) {
      // two batches of 500 records: the artist and 999 tracks, and a checkpoint saying so
      assertThat(c.store().count("tracks")).isEqualTo(999);
      assertThat(c.count("SELECT position FROM import_checkpoints")).isEqualTo(1_000);
      assertThat(c.count("SELECT COUNT(*) FROM import_checkpoints WHERE completed")).isZero();
    }

    CliRun resumed = CliRun.importFiles("jsonl", data, List.of(file), "--batch-size", "500");
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.out()).contains("resumed an interrupted import: 1,000 records");
    assertThat(resumed.count("tracks", "created")).isEqualTo(2_001);
    assertThat(resumed.count("tracks", "unchanged")).isZero();

    CliRun again = CliRun.importFiles("jsonl", data, List.of(file), "--batch-size", "500");
    assertThat(again.out()).doesNotContain("resumed");
    assertThat(again.count("tracks", "unchanged")).isEqualTo(3_000);
    assertThat(again.count("artists", "unchanged")).isEqualTo(1);
    assertThat(again.count("tracks", "created") + again.count("tracks", "updated")).isZero();
  }

  @Test
  void changeFollowersCatchUpEveryTenBatchesAndAtTheEnd() {
    Path file = catalog(dir, 3_000);
    int before = CountingChangeFollower.CALLS.get();
    // 3,001 records of one entity each, 100 per batch: 31 batches
    CliRun run =
        CliRun.importFiles("jsonl", dir.resolve("data"), List.of(file), "--batch-size", "100");
    assertThat(run.exitCode()).isZero();
    // after batches 10, 20 and 30, and once at the end
    assertThat(CountingChangeFollower.CALLS.get() - before).isEqualTo(4);
  }

  @Test
  void anImportKilledWithSigkillResumesToACompleteConsistentCatalog() throws Exception {
    Path data = dir.resolve("data");
    int total = 6_000;
    Path file = catalog(dir, total);
    // Batches 1 and 2 committed, batch 3 written and held open at the crash point until the kill:
    // the kill lands mid-import however fast the machine is.
    try (StaveProcess p =
        StaveProcess.start(
            dir,
            "import",
            "jsonl",
            file.toString(),
            "--data",
            data.toString(),
            "--no-progress",
            "--batch-size",
            "1000",
            "--hold-in-batch",
            "3")) {
      p.killAtCrashPoint(); // SIGKILL: no shutdown hook, no finally block
      assertThat(p.output()).doesNotContain("rows read");
    }

    long tracksBefore;
    try (Catalog c = new Catalog(data)) {
      tracksBefore = c.store().count("tracks");
      long position = c.count("SELECT position FROM import_checkpoints");
      // The checkpoint is written with the batch: it never claims more than is stored, nor less;
      // the batch in flight is gone as a whole.
      assertThat(position).isEqualTo(2_000);
      assertThat(tracksBefore).isEqualTo(position - 1);
    }

    CliRun resumed = CliRun.importFiles("jsonl", data, List.of(file), "--batch-size", "1000");
    assertThat(resumed.exitCode()).isZero();
    assertThat(resumed.out()).contains("resumed an interrupted import");
    assertThat(resumed.count("tracks", "created")).isEqualTo(total - tracksBefore);
    // The resumed catalog equals an uninterrupted import of the same file, record by record.
    Path reference = dir.resolve("uninterrupted");
    CliRun uninterrupted =
        CliRun.importFiles("jsonl", reference, List.of(file), "--batch-size", "1000");
    assertThat(uninterrupted.exitCode()).isZero();
    try (Catalog c = new Catalog(data);
        Catalog expected = new Catalog(reference)) {
      List<Long> ids = LongStream.rangeClosed(1, total).boxed().toList();
      assertThat(c.store().findTracks(ids)).isEqualTo(expected.store().findTracks(ids));
      assertThat(c.store().findArtists(List.of(1L)))
          .isEqualTo(expected.store().findArtists(List.of(1L)));
      assertThat(c.store().count("tracks")).isEqualTo(total);
      assertThat(c.count("SELECT COUNT(*) FROM track_artists")).isEqualTo(total);
      assertThat(c.count("SELECT COUNT(*) FROM track_tags")).isEqualTo(2L * total);
      assertThat(
              c.count(
                  "SELECT COUNT(DISTINCT entity_id) FROM change_log WHERE entity_type = 'track'"))
          .isEqualTo(total);
      assertThat(c.count("SELECT COUNT(*) FROM import_checkpoints WHERE completed")).isEqualTo(1);
    }
    CrashTally.report(StoreKind.SQLITE, "import", 1, total, "imported tracks");
  }

  @Test
  void aTruncatedGzipKeepsWhatWasReadAndSaysTheImportIsIncomplete() throws IOException {
    Path gz = Fixtures.gzip(catalog(dir, 20_000), "catalog.jsonl.gz");
    byte[] bytes = Files.readAllBytes(gz);
    Path cut =
        Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    CliRun run = CliRun.importFiles("jsonl", dir.resolve("data"), List.of(cut));
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("Stopped importing jsonl").contains("reading stopped");
    long created = run.count("tracks", "created");
    assertThat(created).isBetween(1_000L, 19_999L);
    try (Catalog c = new Catalog(dir.resolve("data"))) {
      assertThat(c.store().count("tracks")).isEqualTo(created);
    }
  }
}

package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.CrashTally;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code stave scan} and then {@code stave analyze}, each killed with SIGKILL in the middle of a
 * batch's transaction, go on where they stopped when run again, and end with exactly the catalog an
 * uninterrupted scan and analysis give: the same tracks, artists and albums linked to the same
 * files, the same waveforms and analysis queue, the same audio features. On SQLite and PostgreSQL,
 * with real processes. The kill lands mid-run for certain: the killed run holds batch 3 (scan) or
 * batch 2 (analyze) written but not committed ({@code --hold-in-batch}) until it is killed.
 *
 * <p>Track, artist and album ids are not compared: ids a killed batch allocated are not reused
 * (like a PostgreSQL sequence), so the resumed run's new tracks may get higher ids than an
 * uninterrupted run's; everything is compared by file path and names instead.
 */
class ScanAndAnalyzeSurviveKillTest {
  private static final int FILES = 20;
  private static final int BATCH = 4;

  @TempDir static Path music;
  @TempDir Path work;

  /** Twenty three-second band recordings in Artist/Album/NN Title.wav (names from the layout). */
  @BeforeAll
  static void recordings() throws Exception {
    for (int i = 0; i < FILES; i++) {
      Path file =
          music
              .resolve("Artist " + (char) ('A' + i % 3))
              .resolve("Album " + (i % 5))
              .resolve(String.format(Locale.ROOT, "%02d Song %d.wav", i + 1, i));
      Synth.wav(file, Synth.song(i % 12, i % 2, 90 + 5 * i, 3, i));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aKilledScanAndAKilledAnalysisResumeToTheUninterruptedResult(StoreKind kind)
      throws Exception {
    TestDatabase reference = TestDatabases.create(kind, work.resolve("reference"));
    TestDatabase crashed = TestDatabases.create(kind, work.resolve("crashed"));
    try {
      ok(cli(reference, "scan", music.toString()));
      List<String> scanned = rows(reference, LINKS);
      ok(cli(reference, "analyze"));
      List<String> analysed = rows(reference, FEATURES);
      assertThat(scanned).hasSize(FILES);
      assertThat(count(reference, "SELECT COUNT(*) FROM tracks WHERE tempo IS NOT NULL"))
          .isEqualTo(FILES);

      // scan: batches 1 and 2 committed, batch 3 written and held open, then SIGKILL
      killAtCrashPoint(crashed, "scan", music.toString(), "--hold-in-batch", "3");
      assertThat(count(crashed, "SELECT COUNT(*) FROM audio_files")).isEqualTo(2L * BATCH);
      assertThat(count(crashed, "SELECT COUNT(*) FROM tracks")).isEqualTo(2L * BATCH);
      assertThat(count(crashed, "SELECT COUNT(*) FROM analysis_queue")).isEqualTo(2L * BATCH);
      CommandRun rescan = ok(cli(crashed, "scan", music.toString()));
      assertThat(rescan.out())
          .containsPattern("unchanged +" + 2 * BATCH + "\\b")
          .containsPattern("added +" + (FILES - 2 * BATCH) + "\\b");
      assertThat(rows(crashed, LINKS)).isEqualTo(scanned);
      assertThat(counts(crashed)).isEqualTo(counts(reference));

      // analyze: batch 1 committed, batch 2 stored and held open, then SIGKILL
      killAtCrashPoint(crashed, "analyze", "--threads", "1", "--hold-in-batch", "2");
      assertThat(count(crashed, "SELECT COUNT(*) FROM tracks WHERE tempo IS NOT NULL"))
          .isEqualTo(BATCH);
      assertThat(count(crashed, "SELECT COUNT(*) FROM analysis_queue")).isEqualTo(FILES - BATCH);
      CommandRun rest = ok(cli(crashed, "analyze"));
      assertThat(rest.out())
          .containsPattern("analysed +" + (FILES - BATCH) + "\\b")
          .containsPattern("skipped \\(have features\\) +" + BATCH + "\\b");
      assertThat(rows(crashed, FEATURES)).isEqualTo(analysed);
      assertThat(count(crashed, "SELECT COUNT(*) FROM analysis_queue")).isZero();
      assertThat(counts(crashed)).isEqualTo(counts(reference));

      CrashTally.report(kind, "scan", 1, FILES, "files with their tracks and links");
      CrashTally.report(kind, "analyze", 1, FILES, "tracks' stored audio features");
    } finally {
      TestDatabases.drop(reference);
      TestDatabases.drop(crashed);
    }
  }

  /** Each file with its track, album, artist, waveform and analysis-queue state, by path. */
  private static final String LINKS =
      "SELECT f.path, f.size, f.content_hash, f.owns_track, f.duration_ms, f.codec, f.container,"
          + " f.present, t.name, t.position, t.duration_ms, al.name, ar.name,"
          + " (SELECT COUNT(*) FROM audio_waveforms w WHERE w.content_hash = f.content_hash),"
          + " (SELECT COUNT(*) FROM analysis_queue q WHERE q.track_id = t.id AND q.error IS NULL)"
          + " FROM audio_files f JOIN tracks t ON t.id = f.track_id"
          + " LEFT JOIN albums al ON al.id = t.album_id"
          + " JOIN track_artists ta ON ta.track_id = t.id JOIN artists ar ON ar.id = ta.artist_id"
          + " ORDER BY f.path, ar.name";

  /** Each file's track's stored features and the labels derived from them, by path. */
  private static final String FEATURES =
      "SELECT f.path, t.tempo, t.musical_key, t.mode, t.loudness, t.energy, t.danceability,"
          + " t.acousticness, t.instrumentalness, t.speechiness, t.liveness, t.valence, t.speed,"
          + " t.vocal_instrumental, t.acoustic_electric"
          + " FROM audio_files f JOIN tracks t ON t.id = f.track_id ORDER BY f.path";

  private static List<Long> counts(TestDatabase db) throws Exception {
    List<Long> n = new ArrayList<>();
    for (String table :
        List.of("tracks", "albums", "artists", "track_artists", "audio_files", "audio_waveforms")) {
      n.add(count(db, "SELECT COUNT(*) FROM " + table));
    }
    // every stored track reached the change log the search index follows
    n.add(
        count(db, "SELECT COUNT(DISTINCT entity_id) FROM change_log WHERE entity_type = 'track'"));
    return n;
  }

  private static void killAtCrashPoint(TestDatabase db, String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--no-progress", "--batch-size", String.valueOf(BATCH)));
    args.addAll(db.cliOptions());
    try (StaveProcess run =
        StaveProcess.start(db.dataDir().getParent(), args.toArray(String[]::new))) {
      run.killAtCrashPoint();
      assertThat(run.output()).doesNotContain("done in").doesNotContain("  files  ");
    }
  }

  private static CommandRun cli(TestDatabase db, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--no-progress", "--batch-size", String.valueOf(BATCH)));
    args.addAll(db.cliOptions());
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static CommandRun ok(CommandRun run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    return run;
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> rows(TestDatabase db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(i == 1 ? "" : " | ").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}

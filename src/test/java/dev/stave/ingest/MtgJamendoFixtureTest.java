package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mtg-jamendo importer on small hand-written files of the real layouts. */
class MtgJamendoFixtureTest {
  @TempDir Path dir;

  static final String HEADER = "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS\n";

  @Test
  void joinsTagFilesAndNamesAndReportsMalformedRows() {
    Path genre =
        Fixtures.write(
            dir,
            "genre.tsv",
            HEADER
                + "track_0001001\tartist_000501\talbum_000701\t01/1001.mp3\t101.5\tgenre---punkrock\n"
                + "track_0001002\tartist_000501\talbum_000701\t02/1002.mp3\t188.2\tgenre---metal\tgenre---rock\n"
                + "track_0001003\tartist_000501\n"
                + "track_0001004\tartist_000502\talbum_000702\t04/1004.mp3\tlong\tgenre---pop\n"
                + "track_0001005\tartist_000502\talbum_000702\t05/1005.mp3\t99.0\tsound---loud\n"
                + "tr_219\tartist_000502\talbum_000702\t06/1006.mp3\t99.0\tgenre---pop\n");
    Path mood =
        Fixtures.gzip(
            Fixtures.write(
                dir,
                "mood.tsv",
                HEADER
                    + "track_0001002\tartist_000501\talbum_000701\t02/1002.mp3\t188.2\tmood/theme---dark\n"
                    + "track_0002001\tartist_000503\talbum_000703\t01/2001.mp3\t240.3\tmood/theme---background\tinstrument---piano\n"
                    + "track_0001001\tartist_000599\talbum_000701\t01/1001.mp3\t101.5\tmood/theme---happy\n"),
            "mood.data");
    Path names =
        Fixtures.write(
            dir,
            "names.csv",
            "genre;song;artist;songno;downloadurl;duration;\n"
                + "\"rock\";\"Loud Song \";\"The Fourteens\";0000;\"https://mp3d.jamendo.com/download/track/1002/mp32/\";188\n"
                + "\"rock\";\"Elsewhere\";\"Not In MTG\";0001;\"https://mp3d.jamendo.com/download/track/999999/mp32/\";100\n"
                + "\"rock\";\"No Id\";\"Someone\";0002;\"https://example.com/nothing\";100\n");

    CliRun run =
        CliRun.importFiles("mtg-jamendo", dir.resolve("data"), List.of(names, mood, genre));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("tracks", "created")).isEqualTo(3); // 1001, 1002, 2001
    assertThat(run.count("artists", "created")).isEqualTo(2); // 501, 503
    assertThat(run.count("albums", "created")).isEqualTo(2); // 701, 703
    assertThat(run.skipped()).isEqualTo(6);
    assertThat(run.out())
        .contains("genre.tsv:4: expected at least 5 tab-separated fields, found 2")
        .contains("genre.tsv:5: DURATION is not a number: 'long'")
        .contains("genre.tsv:6: tag 'sound---loud' has an unknown category")
        .contains("genre.tsv:7: expected an id like track_000123, got 'tr_219'")
        .contains("mood.data:4: track 1001 disagrees with genre.tsv:2 on artist, album or duration")
        .contains("names.csv:4: downloadurl holds no Jamendo track id")
        .contains("1 names-file tracks are not in the MTG files");

    try (Catalog c = new Catalog(dir.resolve("data"))) {
      Track t1002 = c.store().findTracks(List.of(1002L)).get(0);
      assertThat(t1002.name()).isEqualTo("Loud Song");
      assertThat(t1002.durationMs()).isEqualTo(188_200);
      assertThat(t1002.tags())
          .containsExactlyInAnyOrder(
              new Tag(Tag.GENRE, "metal"), new Tag(Tag.GENRE, "rock"), new Tag(Tag.MOOD, "dark"));
      assertThat(c.store().findArtists(List.of(501L)).get(0).name()).isEqualTo("The Fourteens");
      assertThat(c.store().findArtists(List.of(503L)).get(0).name()).isEqualTo("Artist 503");
      Track t2001 = c.store().findTracks(List.of(2001L)).get(0);
      assertThat(t2001.name()).isEqualTo("Track 2001");
      assertThat(t2001.tags())
          .containsExactlyInAnyOrder(
              new Tag(Tag.MOOD, "background"), new Tag(Tag.INSTRUMENT, "piano"));
      assertThat(c.store().findAlbums(List.of(703L)).get(0).name()).isEqualTo("Album 703");
    }
  }

  @Test
  void refusesAFileItCannotPlace() {
    Path other = Fixtures.write(dir, "other.tsv", "id\tname\n1\tx\n");
    CliRun run = CliRun.importFiles("mtg-jamendo", dir.resolve("data"), List.of(other));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("other.tsv").contains("not an MTG-Jamendo file");
  }
}

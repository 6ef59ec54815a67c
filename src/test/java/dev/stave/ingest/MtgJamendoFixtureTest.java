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
                + "track_0000214\tartist_000014\talbum_000031\t14/214.mp3\t124.6\tgenre---punkrock\n"
                + "track_0000215\tartist_000014\talbum_000031\t15/215.mp3\t151.4\tgenre---metal\tgenre---rock\n"
                + "track_0000216\tartist_000014\n"
                + "track_0000217\tartist_000015\talbum_000032\t17/217.mp3\tlong\tgenre---pop\n"
                + "track_0000218\tartist_000015\talbum_000032\t18/218.mp3\t99.0\tsound---loud\n"
                + "tr_219\tartist_000015\talbum_000032\t19/219.mp3\t99.0\tgenre---pop\n");
    Path mood =
        Fixtures.gzip(
            Fixtures.write(
                dir,
                "mood.tsv",
                HEADER
                    + "track_0000215\tartist_000014\talbum_000031\t15/215.mp3\t151.4\tmood/theme---dark\n"
                    + "track_0000948\tartist_000087\talbum_000149\t48/948.mp3\t212.7\tmood/theme---background\tinstrument---piano\n"
                    + "track_0000214\tartist_000099\talbum_000031\t14/214.mp3\t124.6\tmood/theme---happy\n"),
            "mood.data");
    Path names =
        Fixtures.write(
            dir,
            "names.csv",
            "genre;song;artist;songno;downloadurl;duration;\n"
                + "\"rock\";\"Loud Song \";\"The Fourteens\";0000;\"https://mp3d.jamendo.com/download/track/215/mp32/\";151\n"
                + "\"rock\";\"Elsewhere\";\"Not In MTG\";0001;\"https://mp3d.jamendo.com/download/track/999999/mp32/\";100\n"
                + "\"rock\";\"No Id\";\"Someone\";0002;\"https://example.com/nothing\";100\n");

    CliRun run =
        CliRun.importFiles("mtg-jamendo", dir.resolve("data"), List.of(names, mood, genre));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("tracks", "created")).isEqualTo(3); // 214, 215, 948
    assertThat(run.count("artists", "created")).isEqualTo(2); // 14, 87
    assertThat(run.count("albums", "created")).isEqualTo(2); // 31, 149
    assertThat(run.skipped()).isEqualTo(6);
    assertThat(run.out())
        .contains("genre.tsv:4: expected at least 5 tab-separated fields, found 2")
        .contains("genre.tsv:5: DURATION is not a number: 'long'")
        .contains("genre.tsv:6: tag 'sound---loud' has an unknown category")
        .contains("genre.tsv:7: expected an id like track_000123, got 'tr_219'")
        .contains("mood.data:4: track 214 disagrees with genre.tsv:2 on artist, album or duration")
        .contains("names.csv:4: downloadurl holds no Jamendo track id")
        .contains("1 names-file tracks are not in the MTG files");

    try (Catalog c = new Catalog(dir.resolve("data"))) {
      Track t215 = c.store().findTracks(List.of(215L)).get(0);
      assertThat(t215.name()).isEqualTo("Loud Song");
      assertThat(t215.durationMs()).isEqualTo(151_400);
      assertThat(t215.tags())
          .containsExactlyInAnyOrder(
              new Tag(Tag.GENRE, "metal"), new Tag(Tag.GENRE, "rock"), new Tag(Tag.MOOD, "dark"));
      assertThat(c.store().findArtists(List.of(14L)).get(0).name()).isEqualTo("The Fourteens");
      assertThat(c.store().findArtists(List.of(87L)).get(0).name()).isEqualTo("Artist 87");
      Track t948 = c.store().findTracks(List.of(948L)).get(0);
      assertThat(t948.name()).isEqualTo("Track 948");
      assertThat(t948.tags())
          .containsExactlyInAnyOrder(
              new Tag(Tag.MOOD, "background"), new Tag(Tag.INSTRUMENT, "piano"));
      assertThat(c.store().findAlbums(List.of(149L)).get(0).name()).isEqualTo("Album 149");
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

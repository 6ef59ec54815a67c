package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.testsupport.RealData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MtgJamendoRealDataTest {
  @TempDir Path data;

  static List<Path> files() {
    return List.of(
        RealData.require("jamendo/mtg-jamendo_autotagging_moodtheme.tsv.gz"),
        RealData.require("jamendo/jamendo_ds_max5000.csv.gz"),
        RealData.require("jamendo/mtg-jamendo_autotagging_genre.tsv.gz"),
        RealData.require("jamendo/mtg-jamendo_autotagging_instrument.tsv.gz"));
  }

  @Test
  void importsAllTracksWithRealIdsThenChangesNothingOnReRun() {
    List<Path> files = files();
    CliRun first = CliRun.importFiles("mtg-jamendo", data, files);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.count("tracks", "created")).isEqualTo(55_525);
    assertThat(first.count("artists", "created")).isEqualTo(3_565);
    assertThat(first.count("albums", "created")).isEqualTo(11_256);
    assertThat(first.skipped()).isZero();
    // 18,486 + 25,135 + 55,094 TSV rows and 13,805 names rows
    assertThat(first.rowsRead()).isEqualTo(18_486 + 25_135 + 55_094 + 13_805);

    try (Catalog c = new Catalog(data)) {
      assertThat(c.store().count("tracks")).isEqualTo(55_525);
      // track_0000948 artist_000087 album_000149 212.7 s, mood/theme---background
      Track t948 = c.store().findTracks(List.of(948L)).get(0);
      assertThat(t948.artistIds()).containsExactly(87L);
      assertThat(t948.albumId()).isEqualTo(149L);
      assertThat(t948.durationMs()).isEqualTo(212_700);
      assertThat(t948.tags()).contains(new Tag(Tag.MOOD, "background"));
      assertThat(c.store().findAlbums(List.of(149L)).get(0).name()).isEqualTo("Album 149");
      // track_0000214 is genre---punkrock in the genre file
      assertThat(c.store().findTracks(List.of(214L)).get(0).tags())
          .contains(new Tag(Tag.GENRE, "punkrock"));
      // 1,546 tracks are named by the names file: no generated name left on them
      assertThat(c.count("SELECT COUNT(*) FROM tracks WHERE name <> 'Track ' || id"))
          .isEqualTo(1_546);
      // a track carrying tags from two files (union of genre and instrument tags)
      assertThat(
              c.count(
                  "SELECT COUNT(DISTINCT track_id) FROM track_tags t1 WHERE category = 'genre'"
                      + " AND EXISTS (SELECT 1 FROM track_tags t2 WHERE t2.track_id = t1.track_id"
                      + " AND t2.category = 'instrument')"))
          .isPositive();
    }

    CliRun second = CliRun.importFiles("mtg-jamendo", data, files);
    assertThat(second.exitCode()).isZero();
    assertThat(second.count("tracks", "created")).isZero();
    assertThat(second.count("tracks", "updated")).isZero();
    assertThat(second.count("tracks", "unchanged")).isEqualTo(55_525);
    assertThat(second.count("artists", "unchanged")).isEqualTo(3_565);
    assertThat(second.count("albums", "unchanged")).isEqualTo(11_256);
  }
}

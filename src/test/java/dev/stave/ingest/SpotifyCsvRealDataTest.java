package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.catalog.Album;
import dev.stave.catalog.Track;
import dev.stave.testsupport.RealData;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotifyCsvRealDataTest {
  @TempDir Path data;

  @Test
  void importsSpotifySongsThenReccoBeatsFeaturesIdempotently() {
    Path songs = RealData.require("spotify-features/spotify_songs_8k.csv.gz");
    List<Path> recco =
        List.of(
            RealData.require("reccobeats/features_arctic_monkeys_2026.csv"),
            RealData.require("reccobeats/features_fleetwood_mac_2026.csv"),
            RealData.require("reccobeats/features_taylor_swift_2026.csv"));

    CliRun first = CliRun.importFiles("spotify-csv", data, List.of(songs));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.rowsRead()).isEqualTo(8_124);
    assertThat(first.count("tracks", "created")).isEqualTo(8_124);
    assertThat(first.count("artists", "created")).isEqualTo(3_667);
    assertThat(first.count("albums", "created")).isEqualTo(6_812);
    assertThat(first.skipped()).isZero();

    CliRun features = CliRun.importFiles("spotify-csv", data, recco);
    assertThat(features.exitCode()).as(features.err()).isZero();
    assertThat(features.rowsRead()).isEqualTo(377);
    // 5 of the 377 ReccoBeats tracks are also in spotify_songs: found by Spotify id, updated
    assertThat(features.count("tracks", "created")).isEqualTo(372);
    assertThat(features.count("tracks", "updated")).isEqualTo(5);
    assertThat(features.skipped()).isZero();

    try (Catalog c = new Catalog(data)) {
      assertThat(c.store().count("tracks")).isEqualTo(8_124 + 372);
      Long id =
          c.store()
              .idsBySpotifyId("tracks", List.of("5FVd6KXrgO9B3JPmC8OPst"))
              .get("5FVd6KXrgO9B3JPmC8OPst");
      Track t = c.store().findTracks(List.of(id)).get(0);
      assertThat(t.name()).isEqualTo("Do I Wanna Know?");
      // created by spotify_songs first: its issued uuid stays, the ReccoBeats one is not applied
      assertThat(t.uuid()).isNotEqualTo(UUID.fromString("de5f8816-bde0-4123-9cdd-b0b13d921386"));
      assertThat(t.features().tempo()).isCloseTo(85.03, within(0.001));
      assertThat(t.features().energy()).isCloseTo(0.532, within(1e-9));
      assertThat(t.features().valence()).isCloseTo(0.405, within(1e-9));
      Album am = c.store().findAlbums(List.of(t.albumId())).get(0);
      // the album keeps the Spotify id only spotify_songs knows
      assertThat(am.externalIds().spotifyId()).isNotNull();
      // one artist row for Arctic Monkeys, whichever file named it first
      assertThat(c.count("SELECT COUNT(*) FROM artists WHERE name = 'Arctic Monkeys'"))
          .isEqualTo(1);
      // ReccoBeats keys are pitch names: 'D#' is pitch class 3, 'Major' is mode 1
      Long mirrorball =
          c.store()
              .idsBySpotifyId("tracks", List.of("1zx6GSqLYI2ynzAHnPRKBR"))
              .get("1zx6GSqLYI2ynzAHnPRKBR");
      Track m = c.store().findTracks(List.of(mirrorball)).get(0);
      assertThat(m.features().key()).isEqualTo(3);
      assertThat(m.features().mode()).isEqualTo(1);
      assertThat(m.uuid()).isEqualTo(UUID.fromString("1faa537d-8395-4131-847a-4171e07cdce7"));
      // rows whose features are NA are imported without features
      assertThat(
              c.count("SELECT COUNT(*) FROM tracks WHERE spotify_id IS NOT NULL AND tempo IS NULL"))
          .isEqualTo(12);
    }

    CliRun again = CliRun.importFiles("spotify-csv", data, recco);
    assertThat(again.count("tracks", "created")).isZero();
    assertThat(again.count("tracks", "updated")).isZero();
    assertThat(again.count("tracks", "unchanged")).isEqualTo(377);
    assertThat(again.count("albums", "updated")).isZero();
    assertThat(again.count("artists", "created")).isZero();

    List<Path> all = new java.util.ArrayList<>(recco);
    all.add(songs);
    CliRun together = CliRun.importFiles("spotify-csv", data, all);
    assertThat(together.count("tracks", "created")).isZero();
    CliRun togetherAgain = CliRun.importFiles("spotify-csv", data, all);
    Path fresh = data.resolve("imported-together"); // inside the temp dir, so it is cleaned up
    CliRun togetherFresh = CliRun.importFiles("spotify-csv", fresh, all);
    assertThat(togetherFresh.count("tracks", "created")).isEqualTo(8_124 + 372);
    try (Catalog c = new Catalog(fresh)) {
      Long id =
          c.store()
              .idsBySpotifyId("tracks", List.of("5FVd6KXrgO9B3JPmC8OPst"))
              .get("5FVd6KXrgO9B3JPmC8OPst");
      // imported together, the ReccoBeats row creates the track and its UUID is issued
      assertThat(c.store().findTracks(List.of(id)).get(0).uuid())
          .isEqualTo(UUID.fromString("de5f8816-bde0-4123-9cdd-b0b13d921386"));
    }
    assertThat(togetherAgain.count("tracks", "created")).isZero();
    assertThat(togetherAgain.count("tracks", "updated")).isZero();
    assertThat(togetherAgain.count("albums", "updated")).isZero();
    assertThat(togetherAgain.count("tracks", "unchanged")).isEqualTo(8_124 + 372);
  }
}

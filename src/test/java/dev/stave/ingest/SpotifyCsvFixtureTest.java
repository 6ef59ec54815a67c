package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.catalog.Track;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spotify-csv importer on small hand-written files of both known layouts. */
class SpotifyCsvFixtureTest {
  @TempDir Path dir;

  static final String SONGS_HEADER =
      "track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,"
          + "track_album_release_date,danceability,energy,key,loudness,mode,speechiness,"
          + "acousticness,instrumentalness,liveness,valence,tempo,duration_ms\n";
  static final String RECCO_HEADER =
      "artist,disc_number,duration_ms,explicit,href,id,name,track_number,type,uri,is_local,"
          + "external_urls.spotify,album,release_date,recco_id,acousticness,danceability,energy,"
          + "instrumentalness,key,liveness,loudness,mode,speechiness,tempo,valence,popularity\n";

  @Test
  void importsBothLayoutsMergesSharedTracksAndReportsBadRows() {
    // Invented rows in the real layouts (ids, names and values are made up).
    Path songs =
        Fixtures.gzip(
            Fixtures.write(
                dir,
                "songs.csv",
                SONGS_HEADER
                    + "3Kq9aZfLw0pQe2RtYu7IoP,Paper Lanterns,The Invented Band,61,5Zx8cVb7nM6aS5dF4gH3jK,Night Market,2017,0.701,0.612,4,-6.1,0,0.05,0.31,0.0002,0.12,0.58,104.2,201000\n"
                    + "7Hn2Jk4Lm6Nb8Vc0Xz1Qw3,Harbour Lights,Quiet Harbour,55,2Aa4Bb6Cc8Dd0Ee2Ff4Gg6,Lighthouse,2013,0.448,0.432,5,-8.2,1,0.03,0.29,0.0003,0.2,0.305,91.5,250000\n"
                    + "badid,Broken,Nobody,1,5Zx8cVb7nM6aS5dF4gH3jK,X,2019,0.5,0.5,6,-6,0,0.1,0.1,0,0.1,0.5,90,1000\n"
                    + "4Rt6Yu8Io0Pa2Sd4Fg6Hj8,Too Danceable,The Invented Band,9,5Zx8cVb7nM6aS5dF4gH3jK,Night Market,2017,1.7,0.6,6,-5.6,0,0.1,0.05,0,0.4,0.4,116.7,163000\n"
                    + "6Kl8Zx0Cv2Bn4Mq6Wr8Ty0,Short,Someone,98\n"),
            "songs.data");
    Path recco =
        Fixtures.write(
            dir,
            "features.csv",
            RECCO_HEADER
                + "Quiet Harbour,1,250000,FALSE,h,7Hn2Jk4Lm6Nb8Vc0Xz1Qw3,Harbour Lights,1,track,u,FALSE,e,Lighthouse,2013-09-09,0b9d2f4e-6a8c-4e1f-9b3d-5c7a9e1f3b5d,0.29,0.448,0.432,2.6e-4,F,0.2,-8.2,Major,0.03,91.5,0.305,79\n"
                + "Quiet Harbour,1,180000,TRUE,h,8Uy6Tr4Ew2Qa0Sd8Fg6Hj4,Second Tide,2,track,u,FALSE,e,Lighthouse,2013-09-09,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,75\n"
                + "Quiet Harbour,1,1000,FALSE,h,9Op7Iu5Yt3Re1Wq9As7Df5,Mirror,1,track,u,FALSE,e,Other,2022-10-21,1c3e5a7b-9d1f-4b2d-8e4f-6a8c0e2a4c6e,0.6,0.5,0.3,0.01,H,0.1,-10,Major,0.03,143,0.3,58\n");

    CliRun run = CliRun.importFiles("spotify-csv", dir.resolve("data"), List.of(songs, recco));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.rowsRead()).isEqualTo(8);
    assertThat(run.count("tracks", "created"))
        .isEqualTo(3); // Paper Lanterns, Harbour Lights, Second Tide
    assertThat(run.count("artists", "created")).isEqualTo(2);
    assertThat(run.count("albums", "created"))
        .isEqualTo(2); // Night Market, Lighthouse (one album for both files)
    assertThat(run.skipped()).isEqualTo(4);
    assertThat(run.out())
        .contains("songs.data:4: track_id is not a Spotify id (22 base-62 characters): 'badid'")
        .contains("songs.data:5: danceability out of range 0..1: 1.7")
        .contains("songs.data:6: expected 19 fields as in the header, found 4")
        .contains("features.csv:4: key is not a pitch name (C, C#, … B): 'H'")
        .contains("1 rows described a track already read from another row and were merged");

    try (Catalog c = new Catalog(dir.resolve("data"))) {
      Map<String, Long> ids =
          c.store()
              .idsBySpotifyId(
                  "tracks", List.of("7Hn2Jk4Lm6Nb8Vc0Xz1Qw3", "8Uy6Tr4Ew2Qa0Sd8Fg6Hj4"));
      Track lights = c.store().findTracks(List.of(ids.get("7Hn2Jk4Lm6Nb8Vc0Xz1Qw3"))).get(0);
      assertThat(lights.uuid()).isEqualTo(UUID.fromString("0b9d2f4e-6a8c-4e1f-9b3d-5c7a9e1f3b5d"));
      assertThat(lights.features().key()).isEqualTo(5); // F
      assertThat(lights.features().mode()).isEqualTo(1);
      assertThat(lights.features().tempo()).isCloseTo(91.5, within(1e-9));
      assertThat(lights.position()).isEqualTo(1);
      assertThat(lights.popularity()).isEqualTo(79); // the ReccoBeats row wins
      var lighthouse = c.store().findAlbums(List.of(lights.albumId())).get(0);
      assertThat(lighthouse.externalIds().spotifyId()).isEqualTo("2Aa4Bb6Cc8Dd0Ee2Ff4Gg6");
      assertThat(lighthouse.releaseDate().asText()).isEqualTo("2013-09-09");
      Track tide = c.store().findTracks(List.of(ids.get("8Uy6Tr4Ew2Qa0Sd8Fg6Hj4"))).get(0);
      assertThat(tide.albumId()).isEqualTo(lights.albumId());
      assertThat(tide.flags().explicit()).isTrue();
      assertThat(tide.features().isEmpty()).isTrue(); // NA everywhere
    }

    CliRun again = CliRun.importFiles("spotify-csv", dir.resolve("data"), List.of(recco, songs));
    assertThat(again.count("tracks", "unchanged")).isEqualTo(3);
    assertThat(again.count("albums", "unchanged")).isEqualTo(2);
    assertThat(again.count("artists", "unchanged")).isEqualTo(2);
    assertThat(again.count("tracks", "created") + again.count("tracks", "updated")).isZero();
  }
}

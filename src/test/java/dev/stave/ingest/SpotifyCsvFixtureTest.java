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
    Path songs =
        Fixtures.gzip(
            Fixtures.write(
                dir,
                "songs.csv",
                SONGS_HEADER
                    + "2XU0oxnq2qxCpomAAuJY8K,Dance Monkey,Tones and I,100,0UywfDKYlyiu1b38DRrzYD,Dance Monkey (Stripped Back),2019,0.824,0.588,6,-6.4,0,0.0924,0.692,0.000104,0.149,0.513,98.027,209438\n"
                    + "5FVd6KXrgO9B3JPmC8OPst,Do I Wanna Know?,Arctic Monkeys,80,78bpIziExqiI9qztvNFlQu,AM,2013,0.548,0.532,5,-7.596,1,0.0323,0.186,0.000263,0.217,0.405,85.03,272394\n"
                    + "badid,Broken,Nobody,1,0UywfDKYlyiu1b38DRrzYD,X,2019,0.5,0.5,6,-6,0,0.1,0.1,0,0.1,0.5,90,1000\n"
                    + "696DnlkuDOXcMAnKlTgXXK,ROXANNE,Arizona Zervas,99,6HJDrXs0hpebaRFKA1sF90,ROXANNE,2019,1.7,0.601,6,-5.616,0,0.148,0.0522,0,0.46,0.457,116.735,163636\n"
                    + "0nbXyq5TXYPCO7pr3N8S4I,The Box,Roddy Ricch,98\n"),
            "songs.data");
    Path recco =
        Fixtures.write(
            dir,
            "features.csv",
            RECCO_HEADER
                + "Arctic Monkeys,1,272394,FALSE,h,5FVd6KXrgO9B3JPmC8OPst,Do I Wanna Know?,1,track,u,FALSE,e,AM,2013-09-09,de5f8816-bde0-4123-9cdd-b0b13d921386,0.186,0.548,0.532,2.63e-4,F,0.217,-7.596,Major,0.0323,85.03,0.405,79\n"
                + "Arctic Monkeys,1,183956,TRUE,h,2AT8iROs4FQueDv2c8q2KE,R U Mine?,2,track,u,FALSE,e,AM,2013-09-09,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,75\n"
                + "Arctic Monkeys,1,1000,FALSE,h,1zx6GSqLYI2ynzAHnPRKBR,Mirrorball,1,track,u,FALSE,e,The Car,2022-10-21,1faa537d-8395-4131-847a-4171e07cdce7,0.6,0.5,0.3,0.01,H,0.1,-10,Major,0.03,143,0.3,58\n");

    CliRun run = CliRun.importFiles("spotify-csv", dir.resolve("data"), List.of(songs, recco));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.rowsRead()).isEqualTo(8);
    assertThat(run.count("tracks", "created"))
        .isEqualTo(3); // Dance Monkey, Do I Wanna Know?, R U Mine?
    assertThat(run.count("artists", "created")).isEqualTo(2);
    assertThat(run.count("albums", "created")).isEqualTo(2); // AM (one album for both files)
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
                  "tracks", List.of("5FVd6KXrgO9B3JPmC8OPst", "2AT8iROs4FQueDv2c8q2KE"));
      Track know = c.store().findTracks(List.of(ids.get("5FVd6KXrgO9B3JPmC8OPst"))).get(0);
      assertThat(know.uuid()).isEqualTo(UUID.fromString("de5f8816-bde0-4123-9cdd-b0b13d921386"));
      assertThat(know.features().key()).isEqualTo(5); // F
      assertThat(know.features().mode()).isEqualTo(1);
      assertThat(know.features().tempo()).isCloseTo(85.03, within(1e-9));
      assertThat(know.position()).isEqualTo(1);
      assertThat(know.popularity()).isEqualTo(79); // the ReccoBeats row wins
      var am = c.store().findAlbums(List.of(know.albumId())).get(0);
      assertThat(am.externalIds().spotifyId()).isEqualTo("78bpIziExqiI9qztvNFlQu");
      assertThat(am.releaseDate().asText()).isEqualTo("2013-09-09");
      Track mine = c.store().findTracks(List.of(ids.get("2AT8iROs4FQueDv2c8q2KE"))).get(0);
      assertThat(mine.albumId()).isEqualTo(know.albumId());
      assertThat(mine.flags().explicit()).isTrue();
      assertThat(mine.features().isEmpty()).isTrue(); // NA everywhere
    }

    CliRun again = CliRun.importFiles("spotify-csv", dir.resolve("data"), List.of(recco, songs));
    assertThat(again.count("tracks", "unchanged")).isEqualTo(3);
    assertThat(again.count("albums", "unchanged")).isEqualTo(2);
    assertThat(again.count("artists", "unchanged")).isEqualTo(2);
    assertThat(again.count("tracks", "created") + again.count("tracks", "updated")).isZero();
  }
}

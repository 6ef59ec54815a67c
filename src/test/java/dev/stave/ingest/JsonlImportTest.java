package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.Location;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.catalog.TrackStats;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlImportTest {
  @TempDir Path dir;

  static final String FULL =
      """
      {"type":"artist","id":5,"uuid":"11111111-2222-4333-8444-555555555555","name":"Ana Ribeiro","idstr":"ana_ribeiro","website":"https://ana.example","join_date":"2011-03-04","image":"https://img.example/a5.jpg","spotify_id":"0OdUWJ0sBjDrqHygGUXeCF","musicbrainz_id":"5b11f4ce-a62d-471e-81fc-a69a8278c7da","popularity":0.42,"locations":[{"country":"PRT","state":"Lisboa","city":"Lisboa","latitude":38.72,"longitude":-9.14}],"descriptions":{"en":"<p>Fado.</p>","pt":"<p>Fado.</p>"}}
      {"type":"artist","id":6,"name":"Guest"}
      {"type":"album","id":50,"uuid":"21111111-2222-4333-8444-555555555555","name":"Lisboa à Noite","artist_ids":[5,6],"release_date":"2019-05","label":"Casa","album_type":"ep","upc":"012345678905","ean":"4006381333931","image":"https://img.example/al50.jpg","zip_allowed":false,"spotify_id":"1A2GTWGtFfWp7KSQTwWOyo","musicbrainz_id":"6b11f4ce-a62d-471e-81fc-a69a8278c7da","popularity":0.5,"descriptions":{"en":"Night songs"},"tags":["fado","lisbon"]}
      {"type":"track","id":500,"uuid":"31111111-2222-4333-8444-555555555555","name":"Alfama","artist_ids":[5,6],"album_id":50,"position":3,"disc":1,"duration_ms":201500,"release_date":"2019-05-17","license_url":"https://creativecommons.org/licenses/by-sa/4.0/","musicinfo":{"vocal_instrumental":"vocal","lang":"pt","gender":"female","acoustic_electric":"acoustic","speed":"low"},"lyrics":"Noite...","isrc":"PTABC1900001","spotify_id":"4iV5W9uYEdYUVa79Axb7Rh","musicbrainz_id":"7b11f4ce-a62d-471e-81fc-a69a8278c7da","popularity":0.77,"available_countries":"PT,BR","flags":{"download_allowed":false,"content_id_free":true,"featured":true,"explicit":true},"stats":{"listens_week":1,"listens_month":2,"listens_total":3,"downloads_week":4,"downloads_month":5,"downloads_total":6,"playlisted":7,"favorited":8,"likes":9,"dislikes":10,"avg_note":4.5,"note_count":11},"features":{"acousticness":0.9,"danceability":0.3,"energy":0.2,"instrumentalness":0.01,"key":9,"liveness":0.1,"loudness":-12.5,"mode":0,"speechiness":0.05,"tempo":72.5,"valence":0.25},"tags":{"genre":["fado"],"instrument":["guitar","voice"],"mood":["melancholic"]}}
      {"type":"track","id":501,"name":"Minimal","artist_ids":[6]}
      """;

  @Test
  void importsEveryFieldOfTheCatalogModel() {
    Path data = dir.resolve("data");
    Path file = Fixtures.write(dir, "catalog.jsonl", FULL);
    CliRun run = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("artists", "created")).isEqualTo(2);
    assertThat(run.count("albums", "created")).isEqualTo(1);
    assertThat(run.count("tracks", "created")).isEqualTo(2);
    assertThat(run.skipped()).isZero();

    try (Catalog c = new Catalog(data)) {
      assertThat(c.store().findArtists(List.of(5L)).get(0))
          .isEqualTo(
              new Artist(
                  5,
                  UUID.fromString("11111111-2222-4333-8444-555555555555"),
                  "Ana Ribeiro",
                  "ana_ribeiro",
                  "https://ana.example",
                  LocalDate.of(2011, 3, 4),
                  "https://img.example/a5.jpg",
                  new ExternalIds(
                      "0OdUWJ0sBjDrqHygGUXeCF", null, "5b11f4ce-a62d-471e-81fc-a69a8278c7da"),
                  0.42,
                  List.of(new Location("PRT", "Lisboa", "Lisboa", 38.72, -9.14)),
                  Map.of("en", "<p>Fado.</p>", "pt", "<p>Fado.</p>")));
      assertThat(c.store().findAlbums(List.of(50L)).get(0))
          .isEqualTo(
              new Album(
                  50,
                  UUID.fromString("21111111-2222-4333-8444-555555555555"),
                  "Lisboa à Noite",
                  List.of(5L, 6L),
                  new ReleaseDate(LocalDate.of(2019, 5, 1), ReleaseDate.Precision.MONTH),
                  "Casa",
                  "ep",
                  "012345678905",
                  "4006381333931",
                  "https://img.example/al50.jpg",
                  false,
                  new ExternalIds(
                      "1A2GTWGtFfWp7KSQTwWOyo", null, "6b11f4ce-a62d-471e-81fc-a69a8278c7da"),
                  0.5,
                  Map.of("en", "Night songs"),
                  List.of("fado", "lisbon")));
      Track t = c.store().findTracks(List.of(500L)).get(0);
      assertThat(t)
          .usingRecursiveComparison()
          .ignoringCollectionOrderInFields("tags")
          .isEqualTo(
              new Track(
                  500,
                  UUID.fromString("31111111-2222-4333-8444-555555555555"),
                  "Alfama",
                  50L,
                  3,
                  1,
                  201_500,
                  new ReleaseDate(LocalDate.of(2019, 5, 17), ReleaseDate.Precision.DAY),
                  "https://creativecommons.org/licenses/by-sa/4.0/",
                  new MusicInfo("vocal", "pt", "female", "acoustic", "low"),
                  "Noite...",
                  new ExternalIds(
                      "4iV5W9uYEdYUVa79Axb7Rh",
                      "PTABC1900001",
                      "7b11f4ce-a62d-471e-81fc-a69a8278c7da"),
                  0.77,
                  "PT,BR",
                  new TrackFlags(false, true, true, true),
                  new TrackStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4.5, 11),
                  new AudioFeatures(0.9, 0.3, 0.2, 0.01, 9, 0.1, -12.5, 0, 0.05, 72.5, 0.25),
                  List.of(5L, 6L),
                  List.of(
                      new Tag(Tag.GENRE, "fado"),
                      new Tag(Tag.INSTRUMENT, "guitar"),
                      new Tag(Tag.INSTRUMENT, "voice"),
                      new Tag(Tag.MOOD, "melancholic"))));
      Track minimal = c.store().findTracks(List.of(501L)).get(0);
      assertThat(minimal.albumId()).isNull();
      assertThat(minimal.flags()).isEqualTo(TrackFlags.DEFAULT);
      assertThat(minimal.features()).isEqualTo(AudioFeatures.NONE);
    }

    CliRun again = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(again.total()).isEqualTo(5);
    assertThat(again.count("tracks", "unchanged")).isEqualTo(2);
    assertThat(again.count("tracks", "created") + again.count("tracks", "updated")).isZero();
    assertThat(again.count("artists", "unchanged")).isEqualTo(2);
    assertThat(again.count("albums", "unchanged")).isEqualTo(1);
  }

  @Test
  void reportsEveryMalformedLineWithItsLineAndReasonAndImportsTheRest() throws Exception {
    Path data = dir.resolve("data");
    Path file =
        Fixtures.write(
            dir,
            "mixed.jsonl",
            """
            {"type":"artist","id":1,"name":"Good"}
            {"type":"artist","id":2,"name":"Broken"
            {"type":"track","id":10,"name":"Typo","artist_ids":[1],"duraton_ms":1000}
            {"type":"track","id":11,"name":"Orphan","artist_ids":[999]}
            {"type":"track","id":12,"name":"No album","artist_ids":[1],"album_id":77}

            {"type":"user","id":1,"name":"someone","nickname":"x"}
            {"type":"track","id":13,"name":"Bad key","artist_ids":[1],"features":{"key":12}}
            {"type":"track","id":14,"name":"Fine","artist_ids":[1],"tags":{"mood":["calm"]}}
            {"type":"gizmo","id":1}
            """);
    Path report = dir.resolve("skips.tsv");
    CliRun run = CliRun.importFiles("jsonl", data, List.of(file), "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("artists", "created")).isEqualTo(1);
    assertThat(run.count("tracks", "created")).isEqualTo(1);
    assertThat(run.skipped()).isEqualTo(7);
    assertThat(run.out())
        .contains("mixed.jsonl:2: not valid JSON")
        .contains("mixed.jsonl:3: unknown field duraton_ms")
        .contains("mixed.jsonl:4: track 11 refers to artist 999")
        .contains("mixed.jsonl:5: track 12 refers to album 77")
        .contains("mixed.jsonl:7: unknown field nickname")
        .contains("mixed.jsonl:8: features.key must be within -1 and 11")
        .contains("mixed.jsonl:10: unknown type 'gizmo'");
    assertThat(report).content().contains("mixed.jsonl:4\ttrack 11 refers to artist 999");
    assertThat(java.nio.file.Files.readAllLines(report)).hasSize(7);
    try (Catalog c = new Catalog(data)) {
      assertThat(c.store().count("tracks")).isEqualTo(1);
      assertThat(c.store().findTracks(List.of(14L)).get(0).tags())
          .containsExactly(new Tag(Tag.MOOD, "calm"));
    }
  }

  @Test
  void importsUsersPlaylistsReviewsRadiosAndFeedsIdempotently() {
    Path data = dir.resolve("data");
    Path file =
        Fixtures.write(
            dir,
            "library.jsonl",
            FULL
                + """
                {"type":"user","id":70,"name":"ana","dispname":"Ana","email":"ana@example.org","lang":"pt","creation_date":"2020-02-29"}
                {"type":"playlist","id":80,"name":"Fado nights","user_id":70,"creation_date":"2021-01-02","zip_allowed":false,"track_ids":[501,500]}
                {"type":"playlist","id":81,"name":"Ghost","user_id":70,"track_ids":[9999]}
                {"type":"review","id":90,"entity_type":"album","entity_id":50,"user_id":70,"title":"Lovely","text":"<p>yes</p>","score":4.5,"lang":"en","date_added":"2022-03-04","agree_count":2}
                {"type":"radio","id":3,"name":"fado","dispname":"Fado","radio_type":"www","tags":["fado"]}
                {"type":"feed","id":4,"feed_type":"album","title":{"en":"New","pt":"Novo"},"langs":["en","pt"],"date_start":"2024-05-01 00:00:00","target":"album","join_id":50}
                """);
    CliRun run = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("users", "created")).isEqualTo(1);
    assertThat(run.count("playlists", "created")).isEqualTo(1);
    assertThat(run.count("reviews", "created")).isEqualTo(1);
    assertThat(run.count("radios", "created")).isEqualTo(1);
    assertThat(run.count("feeds", "created")).isEqualTo(1);
    // the playlist naming a track that exists nowhere is refused by the database and reported
    assertThat(run.skipped()).isEqualTo(1);
    assertThat(run.out()).contains("library.jsonl:8:");
    try (Catalog c = new Catalog(data)) {
      var playlist = c.store().read(dev.stave.library.LibraryTables.PLAYLISTS, List.of(80L)).get(0);
      assertThat(playlist.trackIds()).containsExactly(501L, 500L);
      assertThat(playlist.zipAllowed()).isFalse();
      var feed = c.store().read(dev.stave.catalog.EditorialTables.FEEDS, List.of(4L)).get(0);
      assertThat(feed.title()).containsEntry("pt", "Novo");
      assertThat(feed.dateStart()).isEqualTo(java.time.LocalDateTime.of(2024, 5, 1, 0, 0));
      assertThat(
              c.store().read(dev.stave.catalog.EditorialTables.RADIOS, List.of(3L)).get(0).tags())
          .containsExactly("fado");
    }
    CliRun again = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(again.count("playlists", "created")).isZero();
    assertThat(again.count("playlists", "updated")).isZero();
    assertThat(again.count("feeds", "unchanged")).isEqualTo(1);
  }

  @Test
  void aRowTheDatabaseRejectsIsReportedAndTheRestOfItsBatchIsKept() {
    Path data = dir.resolve("data");
    Path file =
        Fixtures.write(
            dir,
            "dupes.jsonl",
            """
            {"type":"artist","id":1,"name":"One"}
            {"type":"track","id":1,"name":"First","artist_ids":[1],"uuid":"41111111-2222-4333-8444-555555555555"}
            {"type":"track","id":2,"name":"Same uuid","artist_ids":[1],"uuid":"41111111-2222-4333-8444-555555555555"}
            {"type":"track","id":3,"name":"Third","artist_ids":[1]}
            """);
    CliRun run = CliRun.importFiles("jsonl", data, List.of(file));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("tracks", "created")).isEqualTo(2);
    assertThat(run.skipped()).isEqualTo(1);
    assertThat(run.out()).contains("dupes.jsonl:3: rejected by the database");
    try (Catalog c = new Catalog(data)) {
      assertThat(c.store().findTracks(List.of(1L, 2L, 3L)))
          .extracting(Track::name)
          .containsExactly("First", "Third");
    }
  }
}

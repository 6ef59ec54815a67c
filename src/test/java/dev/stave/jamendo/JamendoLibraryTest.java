package dev.stave.jamendo;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.bareTrack;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.library.Relation;
import dev.stave.library.Review;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import dev.stave.testsupport.FixtureAudio;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The library reads of the Jamendo dialect ({@code playlists*}, {@code reviews/*}, {@code users*})
 * over a small hand-made library whose every answer is known.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoLibraryTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
    registry.add("stave.public-url", () -> "https://music.example");
  }

  private static final LocalDateTime T1 = LocalDateTime.of(2021, 1, 2, 3, 4, 5);
  private static final LocalDateTime T2 = LocalDateTime.of(2022, 6, 7, 8, 9, 10);

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired AudioFileStore audioFiles;
  @Autowired AudioAvailability audioAvailability;
  @Autowired LibraryStore library;

  private String clientId;

  /**
   * Artists 1, 2; album 10 by 1, album 11 by 2 (zip not allowed); tracks 100, 101 on 10, 102 on 11
   * (no download), single 103 by 2. Users ana (1), bea (2), carl (3). Writes are idempotent, so
   * this runs before every test.
   */
  @BeforeEach
  void setUp() {
    clientId = apps.create("library test").clientId();
    ReleaseDate d = ReleaseDate.parse("2020-01-01");
    TrackFlags open = new TrackFlags(true, false, false, false);
    TrackFlags closed = new TrackFlags(false, false, false, false);
    store.write(
        new CatalogBatch(
            List.of(artist(1, "Ana Artist"), artist(2, "Bruno")),
            List.of(album(10, List.of(1L), d), album(11, List.of(2L), d)),
            List.of(
                flagged(track(100, 10L, List.of(1L), features()), open),
                flagged(track(101, 10L, List.of(1L), features()), open),
                flagged(track(102, 11L, List.of(2L), features()), closed),
                bareTrack(103, 2))));
    store.write(
        LibraryTables.USERS,
        List.of(
            User.builder()
                .id(1)
                .name("ana")
                .dispname("Ana M.")
                .lang("pt")
                .creationDate(LocalDate.of(2020, 2, 29))
                .build(),
            User.builder().id(2).name("bea").lang("en").build(),
            User.builder().id(3).name("carl").build()));
    library.write(
        List.of(
            new UserRelation(1, Relation.FAN, 1, T1),
            new UserRelation(1, Relation.FAN, 2, T2),
            new UserRelation(1, Relation.FAN, 999, T2),
            new UserRelation(1, Relation.MYALBUM, 10, T1),
            new UserRelation(1, Relation.FAVORITE, 100, T1),
            new UserRelation(1, Relation.LIKE, 100, T1),
            new UserRelation(1, Relation.LIKE, 101, T2),
            new UserRelation(1, Relation.LIKE, 103, T2),
            new UserRelation(1, Relation.DISLIKE, 102, T2)));
    store.write(
        LibraryTables.REVIEWS,
        List.of(
            new Review(
                701, "track", 101, 1L, "Top", "<p>Yes</p>", 5.0, "en", LocalDate.of(2021, 3, 1), 4),
            new Review(702, "track", 102, 1L, "Meh", null, 3.0, "pt", LocalDate.of(2020, 3, 1), 0),
            new Review(
                703, "album", 10, 2L, "Nice", "Good album", 4.0, "en", LocalDate.of(2022, 1, 1), 2),
            new Review(
                704, "album", 11, 1L, "No score", null, null, "en", LocalDate.of(2019, 1, 1), 0)));
    List<Long> many = Collections.nCopies(250, 100L);
    store.write(
        LibraryTables.PLAYLISTS,
        List.of(
            new Playlist(
                501,
                null,
                "Road Trip",
                1L,
                LocalDate.of(2021, 5, 1),
                true,
                List.of(101L, 100L, 103L),
                List.of(
                    LocalDate.of(2021, 5, 3), LocalDate.of(2021, 5, 2), LocalDate.of(2021, 5, 4))),
            new Playlist(502, null, "Calm", 2L, LocalDate.of(2022, 1, 1), false, List.of(100L)),
            new Playlist(503, null, "Big one", 3L, LocalDate.of(2023, 1, 1), true, many),
            new Playlist(504, null, "Big two", 3L, LocalDate.of(2023, 1, 2), true, many),
            new Playlist(505, null, "Café  Été", null, null, true, List.of(100L))));
    FixtureAudio.forEveryTrack(jdbc, audioFiles, audioAvailability);
  }

  // ---------------------------------------------------------------- users

  @Test
  void usersAreLookedUpByIdAndNameWithStringIds() throws Exception {
    JsonNode doc = get("users", "&id=2&name=ana+nobody&imagesize=100");
    assertThat(codeOf(doc)).isZero();
    JsonNode results = doc.get("results");
    assertThat(results).hasSize(2);
    JsonNode bea = results.get(0);
    assertThat(bea.get("id").asString()).isEqualTo("2");
    assertThat(bea.get("dispname").asString()).isEqualTo("bea");
    JsonNode ana = results.get(1);
    assertThat(ana.propertyNames())
        .containsExactly("name", "dispname", "id", "lang", "creationdate", "image");
    assertThat(ana.get("creationdate").asString()).isEqualTo("2020-02-29");
    assertThat(ana.get("image").asString())
        .isEqualTo("https://music.example/images/user/1?width=100");
    assertThat(
            get("users", "&id=1+2+3&limit=2&offset=1&fullcount=true")
                .get("headers")
                .get("results_fullcount")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void usersNeedIdNameOrTokenAndRefuseBadValues() throws Exception {
    JsonNode missing = get("users", "");
    assertThat(codeOf(missing)).isEqualTo(4);
    assertThat(missing.get("headers").get("error_message").asString())
        .contains("id, access_token, name");
    assertThat(codeOf(get("users", "&id=1&imagesize=64"))).isEqualTo(3);
    assertThat(codeOf(get("users", "&id=x"))).isEqualTo(3);
    assertThat(codeOf(get("users", "&id=1&order=name"))).isEqualTo(3);
  }

  @Test
  void anyAccessTokenIsRefusedWithCode12UntilOAuthIssuesThem() throws Exception {
    for (String method :
        List.of(
            "users",
            "users/artists",
            "users/albums",
            "users/tracks",
            "playlists",
            "playlists/tracks",
            "reviews/albums",
            "reviews/tracks")) {
      JsonNode doc = get(method, "&access_token=abc123");
      assertThat(codeOf(doc)).as(method).isEqualTo(12);
      assertThat(doc.get("headers").get("error_message").asString())
          .as(method)
          .contains("access token");
    }
  }

  @Test
  void usersArtistsListsFansNewestFirstWithStringRelations() throws Exception {
    JsonNode user = get("users/artists", "&name=ana").get("results").get(0);
    JsonNode artists = user.get("artists");
    assertThat(ids(artists)).containsExactly("2", "1"); // artist 999 is not in the catalog
    JsonNode a = artists.get(0);
    assertThat(a.propertyNames())
        .containsExactly("id", "name", "image", "joindate", "updatedate", "relations");
    assertThat(a.get("updatedate").asString()).isEqualTo("2022-06-07 08:09:10");
    assertThat(a.get("relations").get("fan").asString()).isEqualTo("1");
    assertThat(
            ids(
                get("users/artists", "&id=1&order=updatedate")
                    .get("results")
                    .get(0)
                    .get("artists")))
        .containsExactly("1", "2");
    assertThat(ids(get("users/artists", "&id=1&artist_id=1").get("results").get(0).get("artists")))
        .containsExactly("1");
    assertThat(codeOf(get("users/artists", "&id=1&relation=like"))).isEqualTo(3);
    assertThat(codeOf(get("users/artists", "&artist_id=1"))).isEqualTo(4);
  }

  @Test
  void usersAlbumsListsMyAlbums() throws Exception {
    JsonNode albums =
        get("users/albums", "&id=1&album_imagesize=50").get("results").get(0).get("albums");
    assertThat(albums).hasSize(1);
    JsonNode a = albums.get(0);
    assertThat(a.propertyNames())
        .containsExactly(
            "id",
            "name",
            "releasedate",
            "artist_id",
            "artist_name",
            "updatedate",
            "image",
            "relations");
    assertThat(a.get("artist_name").asString()).isEqualTo("Ana Artist");
    assertThat(a.get("image").asString()).contains("width=50");
    assertThat(a.get("relations").get("myalbums").asString()).isEqualTo("1");
    assertThat(get("users/albums", "&id=2").get("results").get(0).get("albums")).isEmpty();
  }

  @Test
  void usersTracksOrdersByRatingAlwaysDescending() throws Exception {
    // 101: review 10 + like 8 = 18; 100: favorite 9 + like 8 = 17; 102: review 6
    for (String order : List.of("rating", "rating_asc", "rating_desc")) {
      assertThat(ids(tracksOf("&id=1&order=" + order)))
          .as(order)
          .containsExactly("101", "100", "102");
    }
    // default: latest relation first; 102's review (2020) is older than its dislike, which is not
    // shown
    assertThat(ids(tracksOf("&id=1"))).containsExactly("101", "100", "102");
    assertThat(ids(tracksOf("&id=1&order=updatedate"))).containsExactly("102", "100", "101");
  }

  @Test
  void usersTracksRelationFiltersAreOrAndTheRelationsAreStrings() throws Exception {
    assertThat(ids(tracksOf("&id=1&relation=favorite"))).containsExactly("100");
    assertThat(ids(tracksOf("&id=1&relation=favorite+like"))).containsExactly("101", "100");
    assertThat(ids(tracksOf("&id=1&relation=review"))).containsExactly("101", "102");
    assertThat(ids(tracksOf("&id=1&relation=like&track_type=single+albumtrack")))
        .containsExactly("101", "103", "100");
    assertThat(ids(tracksOf("&id=1&album_id=11"))).containsExactly("102");
    assertThat(ids(tracksOf("&id=1&track_id=100+102&order=rating"))).containsExactly("100", "102");
    JsonNode t = tracksOf("&id=1&track_id=100").get(0);
    assertThat(t.propertyNames())
        .containsExactly(
            "id",
            "name",
            "releasedate",
            "artist_id",
            "duration",
            "artist_name",
            "license_ccurl",
            "updatedate",
            "album_image",
            "image",
            "audio",
            "audiodownload",
            "relations",
            "audiodownload_allowed");
    assertThat(t.get("duration").isString()).isTrue();
    assertThat(t.get("relations").get("favorite").asString()).isEqualTo("1");
    assertThat(t.get("relations").get("like").asString()).isEqualTo("1");
    assertThat(t.get("relations").get("review").asString()).isEqualTo("0");
    assertThat(t.get("audiodownload_allowed").asBoolean()).isTrue();
    JsonNode reviewed = tracksOf("&id=1&track_id=102").get(0);
    assertThat(reviewed.get("relations").get("review").asString()).isEqualTo("6");
    assertThat(reviewed.get("audiodownload").asString()).isEmpty();
    assertThat(codeOf(get("users/tracks", "&id=1&relation=dislike"))).isEqualTo(3);
  }

  @Test
  void usersTracksTakesOneIdOrATokenButNoName() throws Exception {
    JsonNode byName = get("users/tracks", "&name=ana");
    assertThat(codeOf(byName)).isEqualTo(4);
    assertThat(byName.get("headers").get("error_message").asString()).contains("id, access_token");
    assertThat(byName.get("headers").get("warnings").asString()).contains("name");
    assertThat(codeOf(get("users/tracks", "&id=1+2"))).isEqualTo(3);
  }

  @Test
  void xmlNestsTheSubEntities() throws Exception {
    String xml = raw("users/tracks", "&id=1&format=xml&track_id=100");
    assertThat(xml)
        .contains("<results><user><name>ana</name>")
        .contains("<tracks><track><id>100</id>")
        .contains("<relations><review>0</review><favorite>1</favorite><like>1</like></relations>");
  }

  // ---------------------------------------------------------------- playlists

  @Test
  void playlistsAreSelectedByNameAuthorAndDate() throws Exception {
    JsonNode p = get("playlists", "&id=501").get("results").get(0);
    assertThat(p.propertyNames())
        .containsExactly(
            "id", "name", "creationdate", "user_id", "user_name", "zip", "shorturl", "shareurl");
    assertThat(p.get("user_id").asString()).isEqualTo("1");
    assertThat(p.get("user_name").asString()).isEqualTo("ana");
    assertThat(JamendoHttp.unsigned(p.get("zip").asString()))
        .isEqualTo("https://music.example/audio/playlist/501/mp32/zip");
    assertThat(p.get("shorturl").asString()).isEqualTo("https://music.example/l/p501");
    assertThat(get("playlists", "&id=502").get("results").get(0).get("zip").asString()).isEmpty();
    assertThat(ids(get("playlists", "&namesearch=BIG").get("results")))
        .containsExactly("503", "504");
    assertThat(ids(get("playlists", "&name=Calm").get("results"))).containsExactly("502");
    assertThat(ids(get("playlists", "&user_name=carl&order=creationdate_desc").get("results")))
        .containsExactly("504", "503");
    assertThat(ids(get("playlists", "&user_id=1+2&order=name").get("results")))
        .containsExactly("502", "501");
    assertThat(ids(get("playlists", "&datebetween=2022-01-01_0000-00-00").get("results")))
        .containsExactly("502", "503", "504");
    JsonNode paged = get("playlists", "&limit=1&offset=1&fullcount=1");
    assertThat(ids(paged.get("results"))).containsExactly("502");
    assertThat(paged.get("headers").get("results_fullcount").asInt()).isEqualTo(5);
    assertThat(codeOf(get("playlists", "&datebetween=2022"))).isEqualTo(3);
    assertThat(codeOf(get("playlists", "&order=track_name"))).isEqualTo(3);
    assertThat(codeOf(get("playlists", "&audioformat=ogg"))).isEqualTo(3);
  }

  /** namesearch compares as the tracks' does: case, accents and spaces ignored, no wildcards. */
  @Test
  void playlistNamesearchIgnoresCaseAndAccentsAndTakesEveryCharacterLiterally() throws Exception {
    assertThat(ids(get("playlists", "&namesearch=cafe%20ete").get("results")))
        .containsExactly("505");
    assertThat(ids(get("playlists", "&namesearch=%C3%89T%C3%89").get("results")))
        .containsExactly("505");
    assertThat(ids(get("playlists", "&namesearch=%C3%A9%20%20%20%C3%A9t").get("results")))
        .containsExactly("505");
    assertThat(ids(get("playlists", "&namesearch=%25").get("results"))).isEmpty();
    assertThat(ids(get("playlists", "&namesearch=big_one").get("results"))).isEmpty();
    assertThat(ids(get("playlists", "&namesearch=b%25o").get("results"))).isEmpty();
    JsonNode paged = get("playlists", "&namesearch=BIG&order=id_desc&limit=1&offset=1&fullcount=1");
    assertThat(ids(paged.get("results"))).containsExactly("503");
    assertThat(paged.get("headers").get("results_fullcount").asInt()).isEqualTo(2);
    // nothing left to compare once accents are dropped (a lone combining accent)
    JsonNode mark = get("playlists", "&namesearch=%CC%81");
    assertThat(codeOf(mark)).isEqualTo(3);
    assertThat(mark.get("headers").get("error_message").asString()).contains("'namesearch'");
    JsonNode tracks = get("playlists/tracks", "&user_id=3&namesearch=two").get("results");
    assertThat(ids(tracks)).containsExactly("504");
  }

  @Test
  void playlistTracksCarryPositionsAddedDatesAndInheritTheFilters() throws Exception {
    JsonNode missing = get("playlists/tracks", "&namesearch=road");
    assertThat(codeOf(missing)).isEqualTo(4);
    assertThat(missing.get("headers").get("error_message").asString())
        .contains("id, name, user_id, access_token, user_name");
    JsonNode p = get("playlists/tracks", "&user_name=ana&audioformat=ogg").get("results").get(0);
    assertThat(p.propertyNames())
        .containsExactly("id", "name", "creationdate", "user_id", "user_name", "zip", "tracks");
    JsonNode tracks = p.get("tracks");
    assertThat(ids(tracks)).containsExactly("101", "100"); // the single 103 is left out by default
    JsonNode first = tracks.get(0);
    assertThat(first.propertyNames())
        .containsExactly(
            "id",
            "name",
            "album_id",
            "artist_id",
            "duration",
            "artist_name",
            "playlistadddate",
            "position",
            "license_ccurl",
            "album_image",
            "image",
            "audio",
            "audiodownload",
            "audiodownload_allowed");
    assertThat(first.get("position").asString()).isEqualTo("1");
    assertThat(first.get("playlistadddate").asString()).isEqualTo("2021-05-03");
    assertThat(JamendoHttp.unsigned(first.get("audio").asString()))
        .endsWith("/audio/track/101/ogg");
    assertThat(JamendoHttp.unsigned(first.get("audiodownload").asString()))
        .endsWith("/audio/track/101/ogg/download");
    assertThat(ids(playlistTracks("&id=501&track_type=single+albumtrack&order=track_added_date")))
        .containsExactly("100", "101", "103");
    assertThat(ids(playlistTracks("&id=501&track_type=single+albumtrack&positionbetween=2_3")))
        .containsExactly("100", "103");
    assertThat(ids(playlistTracks("&id=501&track_type=single&order=track_position_desc")))
        .containsExactly("103");
    assertThat(ids(playlistTracks("&id=501&order=track_id_desc"))).containsExactly("101", "100");
    assertThat(codeOf(get("playlists/tracks", "&id=501&positionbetween=3"))).isEqualTo(3);
    assertThat(codeOf(get("playlists/tracks", "&id=501&track_type=ep"))).isEqualTo(3);
  }

  @Test
  void playlistTracksStopAt400SubEntitiesPerResponse() throws Exception {
    JsonNode results = get("playlists/tracks", "&user_id=3").get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("tracks")).hasSize(250);
    assertThat(results.get(1).get("tracks")).hasSize(150);
    assertThat(results.get(1).get("tracks").get(149).get("position").asString()).isEqualTo("150");
  }

  // ---------------------------------------------------------------- reviews

  @Test
  void albumReviewsWithScoresOnTheTenPointScale() throws Exception {
    JsonNode doc = get("reviews/albums", "");
    assertThat(ids(doc.get("results"))).containsExactly("703", "704"); // newest first
    JsonNode r = doc.get("results").get(0);
    assertThat(r.propertyNames())
        .containsExactly(
            "id",
            "title",
            "text",
            "dateadded",
            "agreecnt",
            "lang",
            "user_id",
            "user_name",
            "user_dispname",
            "score",
            "album_id",
            "album_name",
            "artist_id");
    assertThat(r.get("score").asString()).isEqualTo("8");
    assertThat(r.get("agreecnt").asString()).isEqualTo("2");
    assertThat(r.get("user_name").asString()).isEqualTo("bea");
    assertThat(r.get("album_id").asString()).isEqualTo("10");
    assertThat(r.get("artist_id").asString()).isEqualTo("1");
    assertThat(doc.get("results").get(1).get("score").asString()).isEmpty();
    assertThat(ids(get("reviews/albums", "&hasscore=0").get("results"))).containsExactly("704");
    assertThat(ids(get("reviews/albums", "&hasscore=true&artist_id=1").get("results")))
        .containsExactly("703");
    assertThat(ids(get("reviews/albums", "&user_id=1").get("results"))).containsExactly("704");
    assertThat(ids(get("reviews/albums", "&album_id=11+10&order=addeddate").get("results")))
        .containsExactly("704", "703");
    assertThat(ids(get("reviews/albums", "&datebetween=2021-01-01_2022-12-31").get("results")))
        .containsExactly("703");
    assertThat(codeOf(get("reviews/albums", "&lang=english"))).isEqualTo(3);
    assertThat(codeOf(get("reviews/albums", "&hasscore=maybe"))).isEqualTo(3);
    assertThat(codeOf(get("reviews/albums", "&order=rating"))).isEqualTo(3);
  }

  @Test
  void trackReviewsCarryTheTrackAndItsDownloadPermission() throws Exception {
    JsonNode doc = get("reviews/tracks", "&order=score_desc&audiodlformat=flac");
    assertThat(ids(doc.get("results"))).containsExactly("701", "702");
    JsonNode top = doc.get("results").get(0);
    assertThat(top.propertyNames())
        .containsExactly(
            "id",
            "title",
            "text",
            "dateadded",
            "agreecnt",
            "lang",
            "user_id",
            "user_name",
            "user_dispname",
            "score",
            "track_id",
            "track_name",
            "album_id",
            "artist_id",
            "track_audiodownload_allowed",
            "track_license_ccurl",
            "track_audio",
            "track_audiodownload");
    assertThat(top.get("score").asString()).isEqualTo("10");
    assertThat(top.get("user_dispname").asString()).isEqualTo("Ana M.");
    assertThat(JamendoHttp.unsigned(top.get("track_audiodownload").asString()))
        .endsWith("/audio/track/101/flac/download");
    JsonNode closed = doc.get("results").get(1);
    assertThat(closed.get("track_audiodownload_allowed").asBoolean()).isFalse();
    assertThat(closed.get("track_audiodownload").asString()).isEmpty();
    assertThat(ids(get("reviews/tracks", "&lang=PT").get("results"))).containsExactly("702");
    assertThat(ids(get("reviews/tracks", "&album_id=10").get("results"))).containsExactly("701");
    assertThat(ids(get("reviews/tracks", "&artist_id=2").get("results"))).containsExactly("702");
    assertThat(ids(get("reviews/tracks", "&track_id=101").get("results"))).containsExactly("701");
    assertThat(codeOf(get("reviews/tracks", "&audioformat=wav"))).isEqualTo(3);
  }

  // ---------------------------------------------------------------- helpers

  private static Track flagged(Track t, TrackFlags flags) {
    return new Track(
        t.id(),
        t.uuid(),
        t.name(),
        t.albumId(),
        t.position(),
        t.disc(),
        t.durationMs(),
        t.releaseDate(),
        t.licenseUrl(),
        t.musicInfo(),
        t.lyrics(),
        t.externalIds(),
        t.popularity(),
        t.availableCountries(),
        flags,
        t.stats(),
        t.features(),
        t.artistIds(),
        t.tags());
  }

  private JsonNode tracksOf(String query) throws Exception {
    JsonNode doc = get("users/tracks", query);
    assertThat(codeOf(doc)).as(doc.toString()).isZero();
    return doc.get("results").get(0).get("tracks");
  }

  private JsonNode playlistTracks(String query) throws Exception {
    JsonNode doc = get("playlists/tracks", query);
    assertThat(codeOf(doc)).as(doc.toString()).isZero();
    return doc.get("results").get(0).get("tracks");
  }

  private static int codeOf(JsonNode doc) {
    return doc.get("headers").get("code").asInt();
  }

  private static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("id").asString()));
    return out;
  }

  private JsonNode get(String method, String query) throws Exception {
    return jamendo().method(method, clientId, query);
  }

  private String raw(String method, String query) throws Exception {
    HttpResponse<String> r = jamendo().get(JamendoHttp.methodPath(method, clientId, query));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private JamendoHttp jamendo() {
    return new JamendoHttp(port);
  }
}

package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogFixtures;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.search.SearchIndex;
import dev.stave.testsupport.FixtureAudio;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * {@code tracks/file}, {@code albums/file} and {@code playlists/file}: redirects with their
 * Location, 404s for missing or non-downloadable entities, and the error envelopes for parameters.
 */
// The context owns files in this class's temporary data directory (store, search index): close it
// with the class, before JUnit deletes the directory, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoFilesTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
    registry.add("stave.public-url", () -> "https://music.example");
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;
  @Autowired SearchIndex index;
  @Autowired JdbcTemplate jdbc;
  @Autowired AudioFileStore audioFiles;
  @Autowired AudioAvailability audioAvailability;

  private JamendoHttp http;
  private String clientId;

  @BeforeEach
  void setUp() {
    http = new JamendoHttp(port);
    clientId = apps.create("files test").clientId();
    store.write(
        new CatalogBatch(
            List.of(CatalogFixtures.artist(1, "Ana")),
            List.of(album(10, true), album(11, false)),
            List.of(track(100, 10L, true), track(101, 11L, false))));
    store.write(
        LibraryTables.PLAYLISTS,
        List.of(playlist(500, true, List.of(100L, 101L)), playlist(501, false, List.of(100L))));
    FixtureAudio.forEveryTrack(jdbc, audioFiles, audioAvailability);
  }

  private static Album album(long id, boolean zip) {
    Album a = CatalogFixtures.album(id, List.of(1L), null);
    return new Album(
        a.id(),
        null,
        a.name(),
        a.artistIds(),
        a.releaseDate(),
        a.label(),
        a.albumType(),
        a.upc(),
        a.ean(),
        a.image(),
        zip,
        a.externalIds(),
        a.popularity(),
        a.descriptions(),
        a.tags());
  }

  private static Track track(long id, Long album, boolean download) {
    Track t = CatalogFixtures.track(id, album, List.of(1L), null);
    return CatalogFixtures.copy(t, id, t.name(), t.albumId(), t.position(), download);
  }

  private static Playlist playlist(long id, boolean zip, List<Long> tracks) {
    return new Playlist(id, null, "Playlist " + id, null, LocalDate.of(2024, 1, 2), zip, tracks);
  }

  private HttpResponse<String> file(String method, String query) throws Exception {
    return http.get("/v3.0/" + method + "/file/?client_id=" + clientId + query);
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void aTrackRedirectsToItsDownloadOrItsStream() throws Exception {
    assertThat(location(file("tracks", "&id=100")))
        .as("download in mp31 by default")
        .matches(
            "\\Qhttps://music.example/audio/track/100/mp31/download\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(location(file("tracks", "&id=100&audioformat=flac&action=download")))
        .matches(
            "\\Qhttps://music.example/audio/track/100/flac/download\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(location(file("tracks", "&id=100&action=stream&audioformat=ogg")))
        .matches(
            "\\Qhttps://music.example/audio/track/100/ogg\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    // without the trailing slash, too
    HttpResponse<String> r =
        http.get("/v3.0/tracks/file?client_id=" + clientId + "&id=100&fullcount=true");
    assertThat(location(r))
        .matches(
            "\\Qhttps://music.example/audio/track/100/mp31/download\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
  }

  @Test
  void aMissingOrNonDownloadableTrackIs404() throws Exception {
    HttpResponse<String> missing = file("tracks", "&id=999");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no track 999");
    assertThat(missing.headers().firstValue("Location")).isEmpty();
    HttpResponse<String> forbidden = file("tracks", "&id=101");
    assertThat(forbidden.statusCode()).isEqualTo(404);
    assertThat(forbidden.body()).contains("101").contains("may not be downloaded");
    // streaming is not a download: the stream URL every track list hands out stays reachable
    assertThat(location(file("tracks", "&id=101&action=stream")))
        .matches(
            "\\Qhttps://music.example/audio/track/101/mp31\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
  }

  @Test
  void aTrackWithoutAudioHandsOutNoUrlAndItsFileIs404() throws Exception {
    // Written after the fixture's audio files: an imported track whose file is not linked.
    store.write(new CatalogBatch(List.of(), List.of(), List.of(track(102, 10L, true))));
    index.catchUp();
    for (String action : List.of("download", "stream")) {
      HttpResponse<String> r = file("tracks", "&id=102&action=" + action);
      assertThat(r.statusCode()).as(action).isEqualTo(404);
      assertThat(r.body()).contains("track 102 has no audio file");
      assertThat(r.headers().firstValue("Location")).isEmpty();
    }
    JsonNode tracks = http.method("tracks", clientId, "&id=100+102").get("results");
    assertThat(tracks).hasSize(2);
    for (JsonNode t : tracks) {
      boolean hasAudio = t.get("id").asString().equals("100");
      assertThat(t.get("audio").asString().isEmpty())
          .as("audio of " + t.get("id"))
          .isNotEqualTo(hasAudio);
      assertThat(t.get("audiodownload").asString().isEmpty()).isNotEqualTo(hasAudio);
      assertThat(t.get("audiodownload_allowed").asBoolean()).isTrue();
    }
    JsonNode inAlbum = http.method("albums/tracks", clientId, "&id=10").get("results").get(0);
    for (JsonNode t : inAlbum.get("tracks")) {
      boolean hasAudio = !t.get("id").asString().equals("102");
      assertThat(t.get("audio").asString().isEmpty()).isNotEqualTo(hasAudio);
    }
  }

  @Test
  void albumsAndPlaylistsRedirectToTheirZipOr404() throws Exception {
    assertThat(location(file("albums", "&id=10")))
        .matches(
            "\\Qhttps://music.example/audio/album/10/mp32/zip\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(location(file("albums", "&id=10&audioformat=mp3")))
        .matches(
            "\\Qhttps://music.example/audio/album/10/mp32/zip\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(file("albums", "&id=11").statusCode()).as("zip not allowed").isEqualTo(404);
    assertThat(file("albums", "&id=12").statusCode()).as("no such album").isEqualTo(404);
    assertThat(location(file("playlists", "&id=500")))
        .matches(
            "\\Qhttps://music.example/audio/playlist/500/mp32/zip\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    HttpResponse<String> forbidden = file("playlists", "&id=501");
    assertThat(forbidden.statusCode()).isEqualTo(404);
    assertThat(forbidden.body()).isEqualTo("playlist 501 may not be downloaded");
    assertThat(file("playlists", "&id=502").body()).isEqualTo("no playlist 502");
  }

  @Test
  void parameterErrorsAreEnvelopes() throws Exception {
    for (String method : List.of("tracks", "albums", "playlists")) {
      JsonNode missing = http.headers("/v3.0/" + method + "/file/?client_id=" + clientId);
      assertThat(missing.get("code").asInt()).as(method).isEqualTo(4);
      assertThat(missing.get("error_message").asString()).contains("'id'");
      JsonNode bad = http.headers("/v3.0/" + method + "/file/?client_id=" + clientId + "&id=ten");
      assertThat(bad.get("code").asInt()).as(method).isEqualTo(3);
      assertThat(bad.get("error_message").asString()).contains("'id'").contains("ten");
      JsonNode two = http.headers("/v3.0/" + method + "/file/?client_id=" + clientId + "&id=1+2");
      assertThat(two.get("code").asInt()).as(method).isEqualTo(3);
      assertThat(two.get("error_message").asString()).contains("exactly one");
      JsonNode unknown = http.headers("/v3.0/" + method + "/file/?client_id=deadbeef&id=10");
      assertThat(unknown.get("code").asInt()).as(method).isEqualTo(5);
      JsonNode noClient = http.headers("/v3.0/" + method + "/file/?id=10");
      assertThat(noClient.get("code").asInt()).as(method).isEqualTo(4);
    }
    String base = "/v3.0/tracks/file/?client_id=" + clientId + "&id=100";
    assertThat(http.errorMessage(base + "&audioformat=wav")).contains("'audioformat'");
    assertThat(http.errorMessage(base + "&action=play")).contains("'action'");
    assertThat(
            http.errorMessage(
                "/v3.0/albums/file/?client_id=" + clientId + "&id=10&audioformat=ogg"))
        .contains("'audioformat'");
  }

  @Test
  void fileMethodsDoNotInheritTheirParentsParameters() throws Exception {
    // albums' own filter is unknown here: ignored with a warning, which a redirect cannot carry,
    // but an error envelope does
    JsonNode h =
        http.headers(
            "/v3.0/albums/file/?client_id=" + clientId + "&id=oops&artist_name=Ana&format=json");
    assertThat(h.get("code").asInt()).isEqualTo(3);
    assertThat(h.get("warnings").asString()).contains("artist_name");
    assertThat(location(file("albums", "&id=10&namesearch=x")))
        .matches(
            "\\Qhttps://music.example/audio/album/10/mp32/zip\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
  }

  @Test
  void suspendedApplicationsGetCode11() throws Exception {
    String suspended = apps.create("suspended").clientId();
    apps.setState(suspended, dev.stave.access.App.State.SUSPENDED);
    assertThat(
            http.headers("/v3.0/tracks/file/?client_id=" + suspended + "&id=100")
                .get("code")
                .asInt())
        .isEqualTo(11);
  }
}

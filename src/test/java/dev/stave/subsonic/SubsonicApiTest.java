package dev.stave.subsonic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.Accounts;
import dev.stave.audio.AudioFile;
import dev.stave.audio.AudioFileStore;
import dev.stave.audio.Players;
import dev.stave.audio.TestAudio;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.scan.LibraryScanner;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import dev.stave.library.Targets;
import dev.stave.library.UserRelation;
import dev.stave.subsonic.auth.SubsonicCredentials;
import dev.stave.testsupport.StaveWebTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Subsonic dialect through HTTP the way players call it, on a scanned folder of real audio
 * files: every authentication method (salted token computed here as md5(password + salt), clear and
 * {@code enc:} passwords, API key), every error code, XML and JSON envelopes, browsing, search,
 * stars and scrobbles that land in the shared library, playlists, the play queue, streaming with
 * Range and transcoding (decoded to the end by ffmpeg, played by mpv), cover art and lyrics.
 */
// Its own catalog (a scanned folder), so its own context; scans queue analysis, which is not what
// this test tests.
@DirtiesContext
@StaveWebTest(properties = "stave.analysis.worker.threads=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubsonicApiTest {
  private static final double SECONDS = 3;

  @Autowired StaveProperties stave;

  /** Files of this test (music, decoded audio): in the context's own data directory. */
  private Path tmp;

  @LocalServerPort int port;
  @Autowired LibraryScanner scanner;
  @Autowired AudioFileStore files;
  @Autowired CatalogStore store;
  @Autowired LibraryStore library;
  @Autowired Accounts accounts;
  @Autowired SubsonicCredentials credentials;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Track> tracks = new LinkedHashMap<>();
  private long userId;
  private String password;
  private String apiKey;
  private Track lyricsOnly;

  @BeforeAll
  void catalog() throws Exception {
    tmp = Files.createDirectories(stave.dataDir().resolve("test-files"));
    Path music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/First Album/01 One.flac"),
        TestAudio.tone(SECONDS, 440),
        Map.of(
            "title",
            "One",
            "artist",
            "Ana",
            "album",
            "First Album",
            "track",
            "1",
            "genre",
            "Rock",
            "date",
            "2001"),
        TestAudio.cover(tmp.resolve("cover.png"), "red"));
    TestAudio.write(
        music.resolve("Ana/First Album/02 Two.mp3"),
        TestAudio.tone(SECONDS, 330),
        Map.of(
            "title",
            "Two",
            "artist",
            "Ana",
            "album",
            "First Album",
            "track",
            "2",
            "genre",
            "Rock",
            "date",
            "2001"),
        null);
    TestAudio.write(
        music.resolve("Bo/Second/01 Three.ogg"),
        TestAudio.tone(SECONDS, 550),
        Map.of(
            "title", "Three", "artist", "Bo", "album", "Second", "genre", "Jazz", "date", "2010"),
        null);
    scanner.scan(List.of(music), LibraryScanner.Options.defaults());
    for (AudioFile f : files.all().values()) {
      Track t = store.findTracks(List.of(f.trackId())).getFirst();
      tracks.put(t.name(), t);
    }
    assertThat(tracks).containsKeys("One", "Two", "Three");
    // A catalog track without an audio file, with lyrics: listed, not streamable.
    Track two = tracks.get("Two");
    lyricsOnly = withoutAudio(two, store.allocateIds("tracks", 1), "Four", "line one\nline two");
    store.write(CatalogStore.TRACKS, List.of(lyricsOnly));

    userId = accounts.create("listener", "listener@example.org", "login-password-1").id();
    password = credentials.newPassword(userId);
    apiKey = credentials.newApiKey(userId);
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void everyAuthenticationMethodPlayersUseLogsIn() throws Exception {
    String salt = "c19b2d";
    String token = md5(password + salt);
    List<String> ways =
        List.of(
            "u=listener&t=" + token + "&s=" + salt,
            "u=listener&p=" + enc(password),
            "u=listener&p=enc:"
                + HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8)),
            "u=LISTENER@example.org&t=" + token.toUpperCase(java.util.Locale.ROOT) + "&s=" + salt,
            "apiKey=" + apiKey);
    for (String way : ways) {
      JsonNode r = call("ping", way + "&v=1.16.1&c=test&f=json");
      assertThat(r.get("status").asString()).as(way).isEqualTo("ok");
      assertThat(r.get("version").asString()).isEqualTo("1.16.1");
      assertThat(r.get("type").asString()).isEqualTo("stave");
      assertThat(r.get("serverVersion").asString()).isNotBlank();
      assertThat(r.get("openSubsonic").asBoolean()).isTrue();
    }
    assertThat(
            get("tokenInfo", "apiKey=" + apiKey + "&v=1.16.1&c=test&f=json")
                .get("tokenInfo")
                .get("username")
                .asString())
        .isEqualTo("listener");
  }

  @Test
  void everyErrorCodeNamesWhatIsWrong() throws Exception {
    String ok = "&v=1.16.1&c=test&f=json";
    assertError(call("ping", "v=1.16.1&c=test&f=json"), 10, "u");
    assertError(call("ping", "u=listener&p=" + enc(password) + "&c=test&f=json"), 10, "v");
    assertError(call("ping", "u=listener&p=" + enc(password) + "&v=1.16.1&f=json"), 10, "c");
    assertError(call("ping", "u=listener&t=abc" + ok), 10, "s");
    assertError(call("ping", "u=listener&p=x&v=0.9.0&c=t&f=json"), 20, "client must upgrade");
    assertError(call("ping", "u=listener&p=x&v=1.99.0&c=t&f=json"), 30, "1.16.1");
    assertError(call("ping", "u=listener&p=x&v=one&c=t&f=json"), 0, "'v'");
    assertError(call("ping", "u=nobody&p=wrong1" + ok), 40, "nobody");
    // the login password is not the Subsonic password
    assertError(call("ping", "u=listener&p=login-password-1" + ok), 40, "Subsonic password");
    assertError(call("ping", "u=listener&p=enc:zz" + ok), 40, "listener");
    long other = accounts.create("nosubsonic", "nosubsonic@example.org", "login-password-2").id();
    assertError(
        call("ping", "u=nosubsonic&t=" + md5("x" + "s1") + "&s=s1" + ok),
        41,
        "no Subsonic password");
    assertError(call("ping", "apiKey=" + apiKey + "&u=listener" + ok), 43, "apiKey");
    assertError(call("ping", "u=listener&p=a&t=b&s=c" + ok), 43, "p or t");
    assertError(call("ping", "apiKey=stv_nope" + ok), 44, "apiKey");
    String auth = "apiKey=" + apiKey + ok;
    assertError(call("getUser", auth + "&username=nosubsonic"), 50, "username");
    assertError(call("getAlbum", auth + "&id=987654321"), 70, "id");
    assertError(call("getAlbum", auth), 10, "id");
    assertError(call("getAlbum", auth + "&id=abc"), 0, "'id'");
    assertError(call("getAlbumList2", auth + "&type=sideways"), 0, "'type'");
    assertError(call("getAlbumList2", auth + "&type=byYear&toYear=2000"), 10, "fromYear");
    assertError(call("getAlbumList2", auth + "&type=newest&size=9999"), 0, "'size'");
    assertError(call("noSuchMethod", auth), 70, "noSuchMethod");
    assertError(call("stream", auth + "&id=" + lyricsOnly.id()), 70, "audio file");
    assertError(
        call("stream", auth + "&id=" + tracks.get("One").id() + "&format=wma"), 0, "'format'");
    // a revoked key stops working at once
    String key2 = credentials.newApiKey(other);
    assertThat(call("ping", "apiKey=" + key2 + ok).get("status").asString()).isEqualTo("ok");
    credentials.revokeApiKey(other);
    assertError(call("ping", "apiKey=" + key2 + ok), 44, "apiKey");
    // a disabled account is refused whatever its credentials
    String key3 = credentials.newApiKey(other);
    accounts.setActive("nosubsonic", false);
    assertError(call("ping", "apiKey=" + key3 + ok), 44, "apiKey");
  }

  @Test
  void failedLoginsLockTheAccountLikeTheLoginPage() throws Exception {
    long id = accounts.create("guessed", "guessed@example.org", "login-password-3").id();
    String right = credentials.newPassword(id);
    String ok = "&v=1.16.1&c=test&f=json";
    for (int i = 0; i < 5; i++) {
      assertError(call("ping", "u=guessed&p=wrong" + i + ok), 40, "guessed");
    }
    assertError(call("ping", "u=guessed&p=" + enc(right) + ok), 40, "Too many failed logins");
  }

  @Test
  void formatsAndFormPostsAndRefusedRequestsAnswerTheEnvelope() throws Exception {
    String auth = "apiKey=" + apiKey + "&v=1.16.1&c=test";
    // XML is the default, in Subsonic's namespace
    HttpResponse<String> xml = send("GET", "/rest/ping.view?" + auth, null);
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    Element root = parse(xml.body());
    assertThat(root.getTagName()).isEqualTo("subsonic-response");
    assertThat(root.getNamespaceURI()).isEqualTo("http://subsonic.org/restapi");
    assertThat(root.getAttribute("status")).isEqualTo("ok");
    assertThat(root.getAttribute("version")).isEqualTo("1.16.1");
    assertThat(root.getAttribute("type")).isEqualTo("stave");
    assertThat(root.getAttribute("openSubsonic")).isEqualTo("true");
    assertThat(root.getAttribute("serverVersion")).isNotEmpty();
    Element error =
        (Element)
            parse(send("GET", "/rest/getSong?" + auth, null).body())
                .getElementsByTagName("error")
                .item(0);
    assertThat(error.getAttribute("code")).isEqualTo("10");
    assertThat(error.getAttribute("message")).contains("id");
    // JSONP
    HttpResponse<String> jsonp = send("GET", "/rest/ping?" + auth + "&f=jsonp&callback=cb", null);
    assertThat(jsonp.body()).startsWith("cb({\"subsonic-response\":").endsWith(");");
    assertThat(call("ping", auth + "&f=jsonp").get("error").get("message").asString())
        .contains("callback");
    // an unknown format is refused in the default one, XML
    Element badFormat = parse(send("GET", "/rest/ping?" + auth + "&f=yaml", null).body());
    assertThat(((Element) badFormat.getElementsByTagName("error").item(0)).getAttribute("message"))
        .contains("'f'");
    // a form POST (OpenSubsonic formPost) reads the body like a query string
    HttpResponse<String> post =
        send("POST", "/rest/getSong.view", auth + "&f=json&id=" + tracks.get("One").id());
    assertThat(
            json.readTree(post.body()).get("subsonic-response").get("song").get("title").asString())
        .isEqualTo("One");
    // what Spring or Tomcat refuse before the controller still answers Subsonic's envelope
    HttpResponse<String> delete = send("DELETE", "/rest/ping?" + auth, null);
    assertThat(delete.body()).contains("subsonic-response").contains("status=\"failed\"");
    assertThat(delete.body()).doesNotContain("<html");
    // bad percent-encoding: refused by the web server itself, answered by SubsonicErrorDocuments
    dev.stave.testsupport.RawHttp.Response bad =
        new dev.stave.testsupport.RawHttp(port).send("GET /rest/ping%zz HTTP/1.1", new byte[0]);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("content-type")).startsWith("text/xml");
    assertThat(bad.body())
        .contains("subsonic-response")
        .contains("code=\"0\"")
        .doesNotContain("<html");
    HttpResponse<String> deep = send("GET", "/rest/a/b?" + auth, null);
    assertThat(deep.body()).contains("subsonic-response").contains("code=\"70\"");
  }

  // ------------------------------------------------------------------ browsing

  @Test
  void browseArtistsAlbumsAndSongs() throws Exception {
    String auth = auth();
    JsonNode artists = get("getArtists", auth).get("artists");
    assertThat(artists.get("ignoredArticles").asString()).contains("The");
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode index : artists.get("index")) {
      for (JsonNode a : index.get("artist")) {
        byName.put(a.get("name").asString(), a);
        assertThat(index.get("name").asString())
            .isEqualTo(a.get("name").asString().substring(0, 1));
      }
    }
    assertThat(byName).containsKeys("Ana", "Bo");
    assertThat(byName.get("Ana").get("albumCount").asInt()).isEqualTo(1);
    JsonNode artist =
        get("getArtist", auth + "&id=" + byName.get("Ana").get("id").asString()).get("artist");
    assertThat(artist.get("album")).hasSize(1);
    JsonNode albumRef = artist.get("album").get(0);
    assertThat(albumRef.get("name").asString()).isEqualTo("First Album");
    JsonNode album = get("getAlbum", auth + "&id=" + albumRef.get("id").asString()).get("album");
    assertThat(album.get("songCount").asInt()).isEqualTo(2);
    assertThat(album.get("duration").asInt()).isEqualTo(6);
    assertThat(album.get("year").asInt()).isEqualTo(2001);
    List<String> titles = new ArrayList<>();
    album.get("song").forEach(s -> titles.add(s.get("title").asString()));
    assertThat(titles).containsExactly("One", "Two");
    JsonNode one = album.get("song").get(0);
    assertThat(one.get("suffix").asString()).isEqualTo("flac");
    assertThat(one.get("contentType").asString()).isEqualTo("audio/flac");
    assertThat(one.get("duration").asInt()).isEqualTo(3);
    assertThat(one.get("genre").asString()).isEqualToIgnoringCase("rock");
    assertThat(one.get("size").asLong())
        .isEqualTo(Files.size(tmp.resolve("music/Ana/First Album/01 One.flac")));
    JsonNode song = get("getSong", auth + "&id=" + tracks.get("Three").id()).get("song");
    assertThat(song.get("suffix").asString()).isEqualTo("ogg");
    assertThat(song.get("artist").asString()).isEqualTo("Bo");
    // a track without audio is listed without a file
    JsonNode four = get("getSong", auth + "&id=" + lyricsOnly.id()).get("song");
    assertThat(four.has("suffix")).isFalse();
    // folders: artist → album → songs
    JsonNode indexes = get("getIndexes", auth).get("indexes");
    assertThat(indexes.get("lastModified").asLong()).isPositive();
    String anaFolder = null;
    for (JsonNode index : indexes.get("index")) {
      for (JsonNode a : index.get("artist")) {
        if (a.get("name").asString().equals("Ana")) {
          anaFolder = a.get("id").asString();
        }
      }
    }
    assertThat(anaFolder).startsWith("ar-");
    JsonNode dir = get("getMusicDirectory", auth + "&id=" + anaFolder).get("directory");
    assertThat(dir.get("child").get(0).get("isDir").asBoolean()).isTrue();
    JsonNode albumDir =
        get("getMusicDirectory", auth + "&id=" + dir.get("child").get(0).get("id").asString())
            .get("directory");
    assertThat(albumDir.get("child")).hasSize(2);
    assertThat(
            get("getIndexes", auth + "&ifModifiedSince=" + indexes.get("lastModified").asLong())
                .get("indexes")
                .get("index"))
        .isEmpty();
    // genres, lists, search
    List<String> genres = new ArrayList<>();
    get("getGenres", auth)
        .get("genres")
        .get("genre")
        .forEach(g -> genres.add(g.get("value").asString()));
    assertThat(genres).contains("rock", "jazz");
    // One, Two and the single without audio (Four)
    assertThat(get("getSongsByGenre", auth + "&genre=Rock").get("songsByGenre").get("song"))
        .hasSize(3);
    assertThat(get("getRandomSongs", auth + "&size=2").get("randomSongs").get("song")).hasSize(2);
    assertThat(get("getTopSongs", auth + "&artist=Ana").get("topSongs").get("song")).hasSize(3);
    for (String type :
        List.of(
            "random",
            "newest",
            "highest",
            "frequent",
            "recent",
            "alphabeticalByName",
            "alphabeticalByArtist",
            "starred",
            "byGenre&genre=jazz",
            "byYear&fromYear=2000&toYear=2005")) {
      JsonNode list = get("getAlbumList2", auth + "&type=" + type).get("albumList2");
      assertThat(list.has("album")).as(type).isTrue();
    }
    List<String> names = new ArrayList<>();
    get("getAlbumList2", auth + "&type=alphabeticalByName")
        .get("albumList2")
        .get("album")
        .forEach(a -> names.add(a.get("name").asString()));
    assertThat(names).containsExactly("First Album", "Second");
    assertThat(
            get("getAlbumList2", auth + "&type=byYear&fromYear=2005&toYear=2015")
                .get("albumList2")
                .get("album")
                .get(0)
                .get("name")
                .asString())
        .isEqualTo("Second");
    assertThat(
            get("getAlbumList2", auth + "&type=byGenre&genre=Jazz").get("albumList2").get("album"))
        .hasSize(1);
    JsonNode found = get("search3", auth + "&query=Two").get("searchResult3");
    assertThat(found.get("song").get(0).get("title").asString()).isEqualTo("Two");
    JsonNode everything = get("search3", auth + "&query=&songCount=100").get("searchResult3");
    assertThat(everything.get("song")).hasSize(4);
    assertThat(everything.get("artist")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(
            get("search3", auth + "&query=%22%22&songCount=2&songOffset=2")
                .get("searchResult3")
                .get("song"))
        .hasSize(2);
    // the recommendation engine answers similar songs and artists (maybe none on 3 tracks)
    assertThat(
            get("getSimilarSongs2", auth + "&id=" + byName.get("Ana").get("id").asString())
                .has("similarSongs2"))
        .isTrue();
    assertThat(
            get("getArtistInfo2", auth + "&id=" + byName.get("Ana").get("id").asString())
                .has("artistInfo2"))
        .isTrue();
    assertThat(get("getAlbumInfo2", auth + "&id=" + albumRef.get("id").asString()).has("albumInfo"))
        .isTrue();
  }

  /**
   * The artist index is kept until an artist or album changes: a scrobble (a track entry of the
   * change log) keeps the built index, a new artist is listed at once. Random album lists draw each
   * album once.
   */
  @Test
  void theArtistIndexIsKeptUntilAnArtistOrAlbumChanges() throws Exception {
    String auth = auth();
    long built = get("getIndexes", auth).get("indexes").get("lastModified").asLong();
    get("scrobble", auth + "&id=" + tracks.get("Three").id());
    assertThat(get("getIndexes", auth).get("indexes").get("lastModified").asLong())
        .as("a listen changes no artist: the index is not rebuilt")
        .isEqualTo(built);

    long id = store.allocateIds("artists", 1);
    store.write(CatalogStore.ARTISTS, List.of(Artist.named(id, "Zed Index")));
    List<String> names = new ArrayList<>();
    get("getArtists", auth)
        .get("artists")
        .get("index")
        .forEach(i -> i.get("artist").forEach(a -> names.add(a.get("name").asString())));
    assertThat(names).contains("Zed Index", "Ana", "Bo");

    List<String> random = new ArrayList<>();
    get("getAlbumList2", auth + "&type=random&size=10")
        .get("albumList2")
        .get("album")
        .forEach(a -> random.add(a.get("name").asString()));
    assertThat(random).containsExactlyInAnyOrder("First Album", "Second");
  }

  @Test
  void systemMethods() throws Exception {
    String auth = auth();
    assertThat(get("getLicense", auth).get("license").get("valid").asBoolean()).isTrue();
    List<String> ext = new ArrayList<>();
    get("getOpenSubsonicExtensions", auth)
        .get("openSubsonicExtensions")
        .forEach(
            e -> {
              ext.add(e.get("name").asString());
              assertThat(e.get("versions").get(0).asInt()).isEqualTo(1);
            });
    assertThat(ext).contains("apiKeyAuthentication", "formPost", "songLyrics");
    assertThat(
            get("getMusicFolders", auth)
                .get("musicFolders")
                .get("musicFolder")
                .get(0)
                .get("id")
                .asInt())
        .isEqualTo(1);
    JsonNode user = get("getUser", auth + "&username=listener").get("user");
    assertThat(user.get("streamRole").asBoolean()).isTrue();
    assertThat(user.get("adminRole").asBoolean()).isFalse();
    assertThat(get("getScanStatus", auth).get("scanStatus").get("count").asLong()).isEqualTo(4);
    assertThat(get("getInternetRadioStations", auth).has("internetRadioStations")).isTrue();
    assertThat(get("getNowPlaying", auth).has("nowPlaying")).isTrue();
  }

  // ------------------------------------------------------------------ the shared library

  @Test
  void starsAreTheSharedFavoritesAndScrobblesTheSharedListens() throws Exception {
    String auth = auth();
    Track one = tracks.get("One");
    long album = one.albumId();
    long artist = one.primaryArtistId();
    get("star", auth + "&id=" + one.id() + "&albumId=" + album + "&artistId=" + artist);
    assertThat(relation(Relation.FAVORITE)).contains(one.id());
    assertThat(relation(Relation.MYALBUM)).contains(album);
    assertThat(relation(Relation.FAN)).contains(artist);
    assertThat(store.findTracks(List.of(one.id())).getFirst().stats().favorited()).isEqualTo(1);
    JsonNode starred = get("getStarred2", auth).get("starred2");
    assertThat(starred.get("song").get(0).get("id").asString()).isEqualTo(Long.toString(one.id()));
    assertThat(starred.get("song").get(0).get("starred").asString()).endsWith("Z");
    assertThat(starred.get("album")).hasSize(1);
    assertThat(starred.get("artist")).hasSize(1);
    assertThat(get("getAlbumList2", auth + "&type=starred").get("albumList2").get("album"))
        .hasSize(1);
    // an unknown id changes nothing
    assertError(call("star", auth + "&id=" + tracks.get("Two").id() + "&id=999999999"), 70, "id");
    assertThat(relation(Relation.FAVORITE)).doesNotContain(tracks.get("Two").id());
    get("unstar", auth + "&id=" + one.id() + "&albumId=" + album + "&artistId=" + artist);
    assertThat(relation(Relation.FAVORITE)).doesNotContain(one.id());
    assertThat(relation(Relation.FAN)).doesNotContain(artist);

    long before = store.findTracks(List.of(one.id())).getFirst().stats().listensTotal();
    get("scrobble", auth + "&id=" + one.id() + "&submission=false");
    get("scrobble", auth + "&id=" + one.id() + "&time=" + System.currentTimeMillis());
    assertThat(store.findTracks(List.of(one.id())).getFirst().stats().listensTotal())
        .isEqualTo(before + 1);
    assertThat(get("getSong", auth + "&id=" + one.id()).get("song").get("playCount").asLong())
        .isEqualTo(before + 1);
    assertThat(
            get("getAlbumList2", auth + "&type=recent")
                .get("albumList2")
                .get("album")
                .get(0)
                .get("id")
                .asString())
        .isEqualTo("al-" + album);

    get("setRating", auth + "&id=al-" + album + "&rating=5");
    assertThat(
            get("getAlbumList2", auth + "&type=highest")
                .get("albumList2")
                .get("album")
                .get(0)
                .get("userRating")
                .asInt())
        .isEqualTo(5);
    assertError(call("setRating", auth + "&id=al-" + album + "&rating=6"), 0, "'rating'");
  }

  @Test
  void playlistsAreTheSharedPlaylists() throws Exception {
    String auth = auth();
    long one = tracks.get("One").id();
    long two = tracks.get("Two").id();
    long three = tracks.get("Three").id();
    JsonNode created =
        get("createPlaylist", auth + "&name=Road&songId=" + one + "&songId=" + two).get("playlist");
    String id = created.get("id").asString();
    assertThat(created.get("songCount").asInt()).isEqualTo(2);
    assertThat(created.get("owner").asString()).isEqualTo("listener");
    assertThat(library.playlists(List.of(Long.parseLong(id))).getFirst().trackIds())
        .containsExactly(one, two);
    get(
        "updatePlaylist",
        auth + "&playlistId=" + id + "&name=Road+trip&songIndexToRemove=0&songIdToAdd=" + three);
    JsonNode got = get("getPlaylist", auth + "&id=" + id).get("playlist");
    assertThat(got.get("name").asString()).isEqualTo("Road trip");
    List<String> entries = new ArrayList<>();
    got.get("entry").forEach(e -> entries.add(e.get("title").asString()));
    assertThat(entries).containsExactly("Two", "Three");
    assertThat(
            get("getPlaylists", auth).get("playlists").get("playlist").get(0).get("id").asString())
        .isEqualTo(id);
    assertError(
        call("updatePlaylist", auth + "&playlistId=" + id + "&songIndexToRemove=7"),
        0,
        "songIndexToRemove");
    // another user may read it but not change it
    long other = accounts.create("otherlistener", "other@example.org", "login-password-4").id();
    String otherAuth = "apiKey=" + credentials.newApiKey(other) + "&v=1.16.1&c=test&f=json";
    assertThat(get("getPlaylist", otherAuth + "&id=" + id).get("playlist").get("songCount").asInt())
        .isEqualTo(2);
    assertError(
        call("deletePlaylist", otherAuth + "&id=" + id),
        50,
        "playlistId".substring(8).isEmpty() ? "id" : "id");
    get("deletePlaylist", auth + "&id=" + id);
    assertThat(library.playlists(List.of(Long.parseLong(id)))).isEmpty();
    assertError(call("getPlaylist", auth + "&id=" + id), 70, "playlist");

    get(
        "savePlayQueue",
        auth + "&id=" + one + "&id=" + three + "&current=" + three + "&position=1500");
    JsonNode queue = get("getPlayQueue", auth).get("playQueue");
    assertThat(queue.get("current").asString()).isEqualTo(Long.toString(three));
    assertThat(queue.get("position").asLong()).isEqualTo(1500);
    assertThat(queue.get("changedBy").asString()).isEqualTo("test");
    assertThat(queue.get("entry")).hasSize(2);
    assertError(call("savePlayQueue", auth + "&id=" + one + "&current=" + two), 0, "'current'");
  }

  // ------------------------------------------------------------------ media

  @Test
  void streamsPlayToTheEndAndSeek() throws Exception {
    String auth = auth();
    Track one = tracks.get("One");
    Path flac = tmp.resolve("music/Ana/First Album/01 One.flac");
    HttpResponse<byte[]> raw =
        bytes("/rest/stream.view?" + auth + "&id=" + one.id(), "Range", "bytes=0-");
    assertThat(raw.statusCode()).isIn(200, 206);
    assertThat(raw.body()).isEqualTo(Files.readAllBytes(flac));
    HttpResponse<byte[]> range =
        bytes("/rest/stream?" + auth + "&id=" + one.id(), "Range", "bytes=100-199");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).hasSize(100);
    assertThat(range.headers().firstValue("Content-Range").orElseThrow())
        .startsWith("bytes 100-199/");
    List<String> urls = new ArrayList<>();
    for (String params :
        List.of("&format=mp3&maxBitRate=96", "&format=ogg", "&format=raw", "&format=flac")) {
      for (Track t : List.of(one, tracks.get("Two"), tracks.get("Three"))) {
        String url = "http://127.0.0.1:" + port + "/rest/stream?" + auth + "&id=" + t.id() + params;
        assertThat(Players.decodedSeconds(url, 0, tmp)).as(url).isCloseTo(SECONDS, Players.WITHIN);
        urls.add(url);
      }
    }
    String seekUrl =
        "http://127.0.0.1:" + port + "/rest/stream?" + auth + "&id=" + one.id() + "&format=mp3";
    assertThat(Players.decodedSeconds(seekUrl, 1, tmp)).isCloseTo(SECONDS - 1, Players.WITHIN);
    // timeOffset: a transcoded stream starts there (encoded live, no Range); an original file
    // served as it is ignores it (the whole file: the player seeks with Range)
    for (String params : List.of("&format=mp3&timeOffset=1", "&format=ogg&timeOffset=2")) {
      String url = "http://127.0.0.1:" + port + "/rest/stream?" + auth + "&id=" + one.id() + params;
      int offset = Integer.parseInt(params.substring(params.lastIndexOf('=') + 1));
      assertThat(Players.decodedSeconds(url, 0, tmp))
          .as(url)
          .isCloseTo(SECONDS - offset, Players.WITHIN);
    }
    HttpResponse<byte[]> live =
        bytes("/rest/stream?" + auth + "&id=" + one.id() + "&format=mp3&timeOffset=1");
    assertThat(live.headers().firstValue("Accept-Ranges")).contains("none");
    assertThat(live.headers().firstValue("Content-Type").orElseThrow()).startsWith("audio/mpeg");
    assertThat(
            bytes("/rest/stream?" + auth + "&id=" + one.id() + "&format=raw&timeOffset=1").body())
        .isEqualTo(Files.readAllBytes(flac));
    assertError(
        call("stream", auth + "&id=" + one.id() + "&format=mp3&timeOffset=soon"), 0, "timeOffset");
    HttpResponse<byte[]> download =
        bytes("/rest/download?" + auth + "&id=" + tracks.get("Two").id());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    assertThat(download.body())
        .isEqualTo(Files.readAllBytes(tmp.resolve("music/Ana/First Album/02 Two.mp3")));
    Players.playWithMpv(urls.subList(0, 3));
  }

  @Test
  void coverArtAtASizeAndLyrics() throws Exception {
    String auth = auth();
    JsonNode song = get("getSong", auth + "&id=" + tracks.get("One").id()).get("song");
    String cover = song.get("coverArt").asString();
    assertThat(cover).startsWith("al-");
    HttpResponse<byte[]> image = bytes("/rest/getCoverArt?" + auth + "&id=" + cover + "&size=100");
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
    java.awt.image.BufferedImage picture =
        javax.imageio.ImageIO.read(new ByteArrayInputStream(image.body()));
    assertThat(picture.getWidth()).isLessThanOrEqualTo(200);
    assertError(call("getCoverArt", auth + "&id=al-987654321"), 70, "al-987654321");
    JsonNode lyrics = get("getLyricsBySongId", auth + "&id=" + lyricsOnly.id()).get("lyricsList");
    JsonNode lines = lyrics.get("structuredLyrics").get(0).get("line");
    assertThat(lines.get(0).get("value").asString()).isEqualTo("line one");
    assertThat(lines.get(1).get("value").asString()).isEqualTo("line two");
    assertThat(
            get("getLyricsBySongId", auth + "&id=" + tracks.get("One").id())
                .get("lyricsList")
                .get("structuredLyrics"))
        .isEmpty();
    JsonNode plain = get("getLyrics", auth + "&artist=Ana&title=Four").get("lyrics");
    assertThat(plain.get("value").asString()).isEqualTo("line one\nline two");
    assertThat(plain.get("artist").asString()).isEqualTo("Ana");
  }

  // ------------------------------------------------------------------ the account page

  @Test
  void theAccountPageMakesAndRevokesCredentials() throws Exception {
    accounts.create("pagelistener", "page@example.org", "login-password-5");
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String login = browse(browser, "GET", "/login", null);
    browse(
        browser,
        "POST",
        "/login",
        "username=pagelistener&password=login-password-5&_csrf=" + csrf(login));
    String page = browse(browser, "GET", "/account/subsonic", null);
    assertThat(page).contains("Subsonic password").contains("API key").contains("None.");
    // the site's layout, with the logged-in viewer in its header, and what a player needs
    assertThat(page)
        .contains("class=\"site-header\"")
        .contains("href=\"/account\"")
        .contains(">pagelistener</a>")
        .contains("id=\"server-url\">http://127.0.0.1:" + port + "</code>")
        .doesNotContain("Log in");
    String made =
        browse(
            browser,
            "POST",
            "/account/subsonic",
            "what=password&action=create&_csrf=" + csrf(page));
    java.util.regex.Matcher secret =
        java.util.regex.Pattern.compile("<code class=\"secret\" id=\"secret\">([^<]+)</code>")
            .matcher(made);
    assertThat(secret.find()).as(made).isTrue();
    String ok = "&v=1.16.1&c=test&f=json";
    String salt = "abc123";
    assertThat(
            call("ping", "u=pagelistener&t=" + md5(secret.group(1) + salt) + "&s=" + salt + ok)
                .get("status")
                .asString())
        .isEqualTo("ok");
    assertThat(made).contains("Replace").contains("Revoke the Subsonic password");
    HttpResponse<String> wrong =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/account/subsonic"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "what=login&action=create&_csrf=" + csrf(made)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("what must be password or api-key");
    String revoked =
        browse(
            browser,
            "POST",
            "/account/subsonic",
            "what=password&action=revoke&_csrf=" + csrf(made));
    assertThat(revoked).contains("Subsonic password revoked.");
    assertError(call("ping", "u=pagelistener&p=" + enc(secret.group(1)) + ok), 40, "pagelistener");
    assertThat(browse(browser, "GET", "/account", null)).contains("/account/subsonic");
  }

  private String browse(HttpClient browser, String method, String path, String form)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(form));
    }
    HttpResponse<String> r = browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static String csrf(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return enc(m.group(1));
  }

  // ------------------------------------------------------------------ conformance

  /**
   * The required fields of each response type of the OpenSubsonic specification (its OpenAPI
   * schemas: Child, AlbumID3, ArtistID3, IndexID3, Playlist, Genre, …), by the element name that
   * carries it in these answers.
   */
  private static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry("song", List.of("id", "isDir", "title")),
          Map.entry("entry", List.of("id", "isDir", "title")),
          Map.entry("child", List.of("id", "isDir", "title")),
          Map.entry("album", List.of("id", "name", "songCount", "duration", "created")),
          Map.entry("artist", List.of("id", "name")),
          Map.entry("similarArtist", List.of("id", "name")),
          Map.entry("index", List.of("name")),
          Map.entry("indexes", List.of("ignoredArticles", "lastModified")),
          Map.entry(
              "playlist", List.of("id", "name", "songCount", "duration", "created", "changed")),
          Map.entry("genre", List.of("songCount", "albumCount")),
          Map.entry("musicFolder", List.of("id")),
          Map.entry("internetRadioStation", List.of("id", "name", "streamUrl")),
          Map.entry("license", List.of("valid")),
          Map.entry("openSubsonicExtensions", List.of("name")),
          Map.entry("structuredLyrics", List.of("lang", "synced")),
          Map.entry("playQueue", List.of("username", "changed", "changedBy")),
          Map.entry("directory", List.of("id", "name")),
          Map.entry("tokenInfo", List.of("username")),
          Map.entry("scanStatus", List.of("scanning")),
          Map.entry(
              "user",
              List.of(
                  "username",
                  "scrobblingEnabled",
                  "adminRole",
                  "settingsRole",
                  "downloadRole",
                  "uploadRole",
                  "playlistRole",
                  "coverArtRole",
                  "commentRole",
                  "podcastRole",
                  "streamRole",
                  "jukeboxRole",
                  "shareRole",
                  "videoConversionRole")));

  /** Elements the schema types as lists: always JSON arrays, even of one. */
  private static final Set<String> LISTS =
      Set.of(
          "song",
          "entry",
          "child",
          "album",
          "artist",
          "similarArtist",
          "index",
          "playlist",
          "genre",
          "musicFolder",
          "internetRadioStation",
          "structuredLyrics",
          "line",
          "openSubsonicExtensions");

  @Test
  void everyAnswerHasTheDocumentedShapeInXmlAndJson() throws Exception {
    String auth = "apiKey=" + apiKey + "&v=1.16.1&c=conformance";
    Track one = tracks.get("One");
    String album = "al-" + one.albumId();
    String artist = "ar-" + one.primaryArtistId();
    String playlist =
        get("createPlaylist", auth + "&f=json&name=Shapes&songId=" + one.id())
            .get("playlist")
            .get("id")
            .asString();
    get("savePlayQueue", auth + "&f=json&id=" + one.id());
    get("star", auth + "&f=json&id=" + one.id() + "&albumId=" + album + "&artistId=" + artist);
    List<String> calls =
        List.of(
            "getArtists",
            "getIndexes",
            "getArtist&id=" + artist,
            "getAlbum&id=" + album,
            "getSong&id=" + one.id(),
            "getMusicDirectory&id=" + artist,
            "getMusicDirectory&id=" + album,
            "getAlbumList2&type=newest",
            "getRandomSongs",
            "search3&query=",
            "getStarred2",
            "getPlaylists",
            "getPlaylist&id=" + playlist,
            "getGenres",
            "getMusicFolders",
            "getInternetRadioStations",
            "getUser&username=listener",
            "getLicense",
            "getOpenSubsonicExtensions",
            "getLyricsBySongId&id=" + lyricsOnly.id(),
            "getPlayQueue",
            "tokenInfo",
            "getScanStatus",
            "getTopSongs&artist=Ana",
            "getSimilarSongs2&id=" + artist,
            "getArtistInfo2&id=" + artist,
            "getAlbumInfo2&id=" + album,
            "getSongsByGenre&genre=rock",
            "getNowPlaying",
            "ping");
    for (String c : calls) {
      String method = c.contains("&") ? c.substring(0, c.indexOf('&')) : c;
      String query = auth + (c.contains("&") ? c.substring(c.indexOf('&')) : "");
      Element root = parse(send("GET", "/rest/" + method + ".view?" + query, null).body());
      assertThat(root.getAttribute("status")).as(c).isEqualTo("ok");
      checkXml(c, root);
      checkJson(c, "subsonic-response", get(method, query + "&f=json"));
    }
    get("deletePlaylist", auth + "&f=json&id=" + playlist);
    get("unstar", auth + "&f=json&id=" + one.id() + "&albumId=" + album + "&artistId=" + artist);
  }

  private static void checkXml(String call, Element e) {
    assertThat(e.getNamespaceURI()).as(call).isEqualTo("http://subsonic.org/restapi");
    for (String field : REQUIRED.getOrDefault(e.getLocalName(), List.of())) {
      assertThat(e.hasAttribute(field))
          .as(call + ": <" + e.getLocalName() + "> has " + field)
          .isTrue();
    }
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        checkXml(call, child);
      }
    }
  }

  private static void checkJson(String call, String name, JsonNode node) {
    if (node.isArray()) {
      node.forEach(item -> checkJson(call, name, item));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (String field : REQUIRED.getOrDefault(name, List.of())) {
      assertThat(node.has(field)).as(call + ": " + name + " has " + field).isTrue();
    }
    if (node.has("isDir")) {
      assertThat(node.get("isDir").isBoolean()).as(call + ": isDir is a boolean").isTrue();
    }
    for (String count : List.of("songCount", "duration", "albumCount")) {
      if (node.has(count)) {
        assertThat(node.get(count).isNumber()).as(call + ": " + count + " is a number").isTrue();
      }
    }
    for (var entry : node.properties()) {
      // a list element is never a single object (a string of that name is an attribute, such as
      // a song's artist name); the envelope's own child is the one answer, except extensions
      boolean listed =
          LISTS.contains(entry.getKey())
              && (!name.equals("subsonic-response")
                  || entry.getKey().equals("openSubsonicExtensions"));
      if (listed) {
        assertThat(entry.getValue().isObject())
            .as(call + ": " + name + "." + entry.getKey() + " is an array, not an object")
            .isFalse();
      }
      checkJson(call, entry.getKey(), entry.getValue());
    }
  }

  // ------------------------------------------------------------------ helpers

  private List<Long> relation(Relation r) {
    return library.relations(List.of(userId), Set.of(r), Targets.ALL).stream()
        .map(UserRelation::targetId)
        .toList();
  }

  private String auth() {
    String salt = Long.toHexString(System.nanoTime());
    return "u=listener&t=" + md5(password + salt) + "&s=" + salt + "&v=1.16.1&c=test&f=json";
  }

  /** The {@code subsonic-response} of a successful call (fails the test on an error). */
  private JsonNode get(String method, String query) throws Exception {
    JsonNode r = call(method, query);
    assertThat(r.get("status").asString()).as(method + "?" + query + ": " + r).isEqualTo("ok");
    return r;
  }

  private JsonNode call(String method, String query) throws Exception {
    HttpResponse<String> r = send("GET", "/rest/" + method + "?" + query, null);
    assertThat(r.statusCode()).as(method).isEqualTo(200);
    return json.readTree(r.body()).get("subsonic-response");
  }

  private static void assertError(JsonNode r, int code, String mentions) {
    assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("failed");
    assertThat(r.get("error").get("code").asInt()).as(r.toString()).isEqualTo(code);
    assertThat(r.get("error").get("message").asString()).contains(mentions);
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String form)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(form));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> bytes(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static Element parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document d =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return d.getDocumentElement();
  }

  static NodeList elements(Element root, String name) {
    return root.getElementsByTagNameNS("http://subsonic.org/restapi", name);
  }

  static String md5(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code t} as a new single {@code id} named {@code name} with {@code lyrics}, no audio file. */
  private static Track withoutAudio(Track t, long id, String name, String lyrics) {
    return new Track(
        id,
        null,
        name,
        null, // a single: no album
        null,
        null,
        t.durationMs(),
        t.releaseDate(),
        t.licenseUrl(),
        t.musicInfo(),
        lyrics,
        t.externalIds(),
        t.popularity(),
        t.availableCountries(),
        t.flags(),
        null,
        t.features(),
        t.artistIds(),
        t.tags());
  }
}

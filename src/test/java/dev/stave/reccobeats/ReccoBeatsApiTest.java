package dev.stave.reccobeats;

import static dev.stave.reccobeats.HttpJson.assertSameShape;
import static dev.stave.reccobeats.HttpJson.capture;
import static dev.stave.reccobeats.HttpJson.column;
import static dev.stave.reccobeats.HttpJson.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.reccobeats.HttpJson.Response;
import dev.stave.search.SearchIndex;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the ReccoBeats dialect over HTTP, on a small hand-made catalog whose every
 * answer is known: both id kinds, both array syntaxes, the 40-id cap, paging bounds, every error
 * code the endpoints can give in both envelopes, and the shape of every object.
 */
// The context owns files in this class's temporary data directory (store, search index): close it
// with the class, before JUnit deletes the directory, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ReccoBeatsApiTest.Probe.class)
class ReccoBeatsApiTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
    registry.add("stave.public-url", () -> "https://music.example/");
  }

  /**
   * Test-only endpoints in the dialect's package: an upload that consumes multipart (the shape of
   * the coming analysis endpoint) for the 415, and one that fails unexpectedly for the 5001.
   */
  @RestController
  static class Probe {
    @PostMapping(value = "/v1/probe/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload() {
      return "{}";
    }

    @GetMapping("/v1/probe/failure")
    String failure() {
      throw new IllegalStateException("secret internal detail");
    }
  }

  @LocalServerPort int port;
  @Autowired CatalogStore store;
  @Autowired SearchIndex index;

  private HttpJson api;

  static final String SP_ANA = "0AnaMouraSpotifyId0001";
  static final String SP_NOITE = "2QDEWwAKI1GHhEWwvPzY5d";
  static final String SP_ALFAMA = "3AlfamaSpotifyId000001";
  static final String SP_BAIRRO = "3BairroSpotifyId000002";
  static final UUID ANA = uuid(1);
  static final UUID BRUNO = uuid(2);
  static final UUID CARLA = uuid(3);
  static final UUID NOITE = uuid(10);
  static final UUID DIA = uuid(11);
  static final UUID HITS = uuid(12);
  static final UUID ALFAMA = uuid(100);
  static final UUID BAIRRO = uuid(101);
  static final UUID SOL = uuid(102);
  static final UUID LUA = uuid(103);
  static final UUID SINGLE = uuid(104);
  static final int FILLERS = 60;

  static UUID uuid(long id) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", id));
  }

  private static final AudioFeatures FEATURES =
      new AudioFeatures(0.817, 0.606, 0.377, 0.0, 0, 0.154, -9.455, 1, 0.0275, 101.96, 0.446);

  @BeforeEach
  void setUp() {
    api = new HttpJson(port);
    List<Track> tracks = new ArrayList<>();
    tracks.add(track(100, ALFAMA, "Alfama", 10L, 1, 2, List.of(1L), SP_ALFAMA, "PTA001", FEATURES));
    tracks.add(
        track(
            101,
            BAIRRO,
            "Bairro Alto",
            10L,
            1,
            1,
            List.of(1L, 2L),
            SP_BAIRRO,
            null,
            new AudioFeatures(0.1, 0.2, 0.3, 6.34e-5, 5, 0.4, -5.5, 0, 0.05, 120.0, 0.9)));
    tracks.add(track(102, SOL, "Sol", 11L, 1, 1, List.of(2L), null, null, null));
    tracks.add(track(103, LUA, "Lua", 10L, 2, 1, List.of(1L), null, null, null));
    tracks.add(track(104, SINGLE, "Single Song", null, null, null, List.of(3L), null, null, null));
    for (int i = 0; i < FILLERS; i++) {
      tracks.add(
          track(
              200 + i,
              null,
              String.format("Filler %02d", i),
              null,
              null,
              null,
              List.of(3L),
              null,
              null,
              null));
    }
    store.write(
        new CatalogBatch(
            List.of(
                artist(1, ANA, "Ana Moura", SP_ANA),
                artist(2, BRUNO, "Bruno Queen", null),
                artist(3, CARLA, "Carla", null)),
            List.of(
                album(10, NOITE, "Noite Escura", List.of(1L), "2019-05-17", "album", SP_NOITE),
                album(11, DIA, "Dia", List.of(2L), "2020", "ep", null),
                album(
                    12, HITS, "Compilation Hits", List.of(1L, 2L), "2021-03", "compilation", null)),
            tracks));
    index.catchUp();
  }

  private static Artist artist(long id, UUID uuid, String name, String spotifyId) {
    return new Artist(
        id,
        uuid,
        name,
        null,
        null,
        null,
        null,
        new ExternalIds(spotifyId, null, null),
        10,
        null,
        null);
  }

  private static Album album(
      long id,
      UUID uuid,
      String name,
      List<Long> artists,
      String date,
      String type,
      String spotifyId) {
    return new Album(
        id,
        uuid,
        name,
        artists,
        ReleaseDate.parse(date),
        "Label " + id,
        type,
        "19658910433" + (id % 10),
        id == 10 ? "4006381333931" : null,
        null,
        true,
        new ExternalIds(spotifyId, null, null),
        42.6,
        null,
        null);
  }

  private static Track track(
      long id,
      UUID uuid,
      String name,
      Long album,
      Integer disc,
      Integer position,
      List<Long> artists,
      String spotifyId,
      String isrc,
      AudioFeatures features) {
    return new Track(
        id,
        uuid,
        name,
        album,
        position,
        disc,
        200_000 + id,
        null,
        null,
        null,
        null,
        new ExternalIds(spotifyId, isrc, null),
        id == 100 ? 55.4 : 3,
        id == 100 ? "PT,BR" : null,
        null,
        null,
        features,
        artists,
        null);
  }

  // ------------------------------------------------------------------ ids lists

  @Test
  void tracksByIdsInBothArraySyntaxesAndBothIdKindsInRequestOrder() throws Exception {
    assertThat(column(api.ok("/v1/track?ids=" + SP_BAIRRO + "," + ALFAMA), "id"))
        .containsExactly(BAIRRO.toString(), ALFAMA.toString());
    assertThat(column(api.ok("/v1/track?ids=" + ALFAMA + "&ids=" + SP_BAIRRO), "id"))
        .containsExactly(ALFAMA.toString(), BAIRRO.toString());
    // mixed forms, blanks, empty pieces, an upper-case UUID, the same track by both ids, unknowns
    String query =
        "/v1/track?ids=%20"
            + SOL.toString().toUpperCase(java.util.Locale.ROOT)
            + "%20,,"
            + "&ids=nope,"
            + SP_ALFAMA
            + "&ids=&ids="
            + ALFAMA
            + ","
            + uuid(999)
            + ","
            + SOL;
    assertThat(column(api.ok(query), "id")).containsExactly(SOL.toString(), ALFAMA.toString());
    JsonNode none = api.ok("/v1/track?ids=" + uuid(999) + ",unknownSpotifyId00000");
    assertThat(none.get("content").isArray()).isTrue();
    assertThat(none.get("content")).isEmpty();
    assertThat(shape(none).keySet()).containsExactly("content");
  }

  @Test
  void audioFeaturesArtistsAndAlbumsByIds() throws Exception {
    JsonNode f = api.ok("/v1/audio-features?ids=" + SOL + "," + SP_BAIRRO + "&ids=" + ALFAMA);
    // Sol has no features: left out like an unknown id
    assertThat(column(f, "id")).containsExactly(BAIRRO.toString(), ALFAMA.toString());
    assertThat(column(api.ok("/v1/artist?ids=" + CARLA + "&ids=" + SP_ANA), "name"))
        .containsExactly("Carla", "Ana Moura");
    assertThat(column(api.ok("/v1/album?ids=" + SP_NOITE + "," + DIA), "name"))
        .containsExactly("Noite Escura", "Dia");
  }

  @Test
  void fortyIdsAreTheCapAndDuplicatesCountOnce() throws Exception {
    List<String> forty = IntStream.range(0, 40).mapToObj(i -> uuid(1000 + i).toString()).toList();
    List<String> withAlfama = new ArrayList<>(forty.subList(0, 39));
    withAlfama.add(ALFAMA.toString());
    assertThat(column(api.ok("/v1/track?ids=" + String.join(",", withAlfama)), "id"))
        .containsExactly(ALFAMA.toString());
    // 41 times the same id is one id
    assertThat(
            column(
                api.ok("/v1/track?ids=" + String.join(",", Collections.nCopies(41, SP_ALFAMA))),
                "id"))
        .containsExactly(ALFAMA.toString());
    List<String> fortyOne = new ArrayList<>(forty);
    fortyOne.add(uuid(2000).toString());
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("/v1/track", "getTracks.ids");
    endpoints.put("/v1/audio-features", "getAudioFeatures.ids");
    endpoints.put("/v1/artist", "getArtists.ids");
    endpoints.put("/v1/album", "getAlbums.ids");
    for (Map.Entry<String, String> e : endpoints.entrySet()) {
      // the repeated form counts the same way
      String repeated = "?ids=" + String.join("&ids=", fortyOne);
      assertValidation(
          api.get(e.getKey() + repeated), e.getValue(), "size must be between 1 and 40");
      assertValidation(
          api.get(e.getKey() + "?ids=,%20,"), e.getValue(), "size must be between 1 and 40");
      assertError(api.get(e.getKey()), 400, 4001, e.getKey(), "'ids'");
    }
  }

  // ------------------------------------------------------------------ objects

  @Test
  void aTrackHasEveryFieldWithItsValue() throws Exception {
    JsonNode t = api.ok("/v1/track/" + ALFAMA);
    assertThat(shape(t))
        .containsExactlyEntriesOf(
            ordered(
                "id", "string",
                "trackTitle", "string",
                "artists", "array",
                "durationMs", "int",
                "isrc", "string",
                "ean", "null",
                "upc", "null",
                "href", "string",
                "availableCountries", "string",
                "popularity", "int"));
    assertThat(t.get("id").asString()).isEqualTo(ALFAMA.toString());
    assertThat(t.get("trackTitle").asString()).isEqualTo("Alfama");
    assertThat(t.get("durationMs").asLong()).isEqualTo(200_100);
    assertThat(t.get("isrc").asString()).isEqualTo("PTA001");
    assertThat(t.get("href").asString()).isEqualTo("https://open.spotify.com/track/" + SP_ALFAMA);
    assertThat(t.get("availableCountries").asString()).isEqualTo("PT,BR");
    assertThat(t.get("popularity").asInt()).isEqualTo(55);
    JsonNode artist = t.get("artists").get(0);
    assertThat(shape(artist))
        .containsExactlyEntriesOf(ordered("id", "string", "name", "string", "href", "string"));
    assertThat(artist.get("id").asString()).isEqualTo(ANA.toString());
    assertThat(artist.get("href").asString())
        .isEqualTo("https://open.spotify.com/artist/" + SP_ANA);

    // without a Spotify id the href is this server's URL of the entity; no countries is ""
    JsonNode sol = api.ok("/v1/track/" + SOL);
    assertThat(sol.get("href").asString()).isEqualTo("https://music.example/v1/track/" + SOL);
    assertThat(sol.get("isrc").isNull()).isTrue();
    assertThat(sol.get("availableCountries").asString()).isEmpty();
    assertThat(sol.get("artists").get(0).get("href").asString())
        .isEqualTo("https://music.example/v1/artist/" + BRUNO);
    // several artists, in order
    assertThat(column(wrap(api.ok("/v1/track/" + BAIRRO).get("artists")), "name"))
        .containsExactly("Ana Moura", "Bruno Queen");
  }

  @Test
  void anAlbumHasEveryFieldWithItsValue() throws Exception {
    JsonNode a = api.ok("/v1/album/" + NOITE);
    assertThat(shape(a))
        .containsExactlyEntriesOf(
            ordered(
                "id", "string",
                "albumType", "string",
                "artists", "array",
                "totalTracks", "int",
                "href", "string",
                "name", "string",
                "availableCountries", "string",
                "releaseDate", "string",
                "releaseDateFormat", "string",
                "isrc", "null",
                "ean", "string",
                "upc", "string",
                "label", "string",
                "popularity", "int"));
    assertThat(a.get("albumType").asString()).isEqualTo("album");
    assertThat(a.get("totalTracks").asInt()).isEqualTo(3);
    assertThat(a.get("href").asString()).isEqualTo("https://open.spotify.com/album/" + SP_NOITE);
    assertThat(a.get("name").asString()).isEqualTo("Noite Escura");
    assertThat(a.get("availableCountries").asString()).isEmpty();
    assertThat(a.get("releaseDate").asString()).isEqualTo("2019-05-17T00:00:00");
    assertThat(a.get("releaseDateFormat").asString()).isEqualTo("day");
    assertThat(a.get("ean").asString()).isEqualTo("4006381333931");
    assertThat(a.get("upc").asString()).isEqualTo("196589104330");
    assertThat(a.get("label").asString()).isEqualTo("Label 10");
    assertThat(a.get("popularity").asInt()).isEqualTo(43);

    JsonNode dia = api.ok("/v1/album/" + DIA);
    assertThat(dia.get("albumType").asString()).isEqualTo("single"); // an EP, as Spotify says
    assertThat(dia.get("releaseDate").asString()).isEqualTo("2020-01-01T00:00:00");
    assertThat(dia.get("releaseDateFormat").asString()).isEqualTo("year");
    assertThat(dia.get("ean").isNull()).isTrue();
    assertThat(dia.get("href").asString()).isEqualTo("https://music.example/v1/album/" + DIA);
    JsonNode hits = api.ok("/v1/album/" + HITS);
    assertThat(hits.get("albumType").asString()).isEqualTo("compilation");
    assertThat(hits.get("releaseDate").asString()).isEqualTo("2021-03-01T00:00:00");
    assertThat(hits.get("releaseDateFormat").asString()).isEqualTo("month");
    assertThat(hits.get("totalTracks").asInt()).isZero();
    assertThat(column(wrap(hits.get("artists")), "name"))
        .containsExactly("Ana Moura", "Bruno Queen");
  }

  @Test
  void audioFeaturesHaveEveryFieldWithItsValue() throws Exception {
    JsonNode f = api.ok("/v1/track/" + ALFAMA + "/audio-features");
    assertThat(shape(f)).containsExactlyEntriesOf(specFeatureShape());
    assertThat(f.get("id").asString()).isEqualTo(ALFAMA.toString());
    assertThat(f.get("href").asString()).isEqualTo("https://open.spotify.com/track/" + SP_ALFAMA);
    assertThat(f.get("isrc").asString()).isEqualTo("PTA001");
    assertThat(f.get("acousticness").asDouble()).isEqualTo(0.817);
    assertThat(f.get("danceability").asDouble()).isEqualTo(0.606);
    assertThat(f.get("energy").asDouble()).isEqualTo(0.377);
    assertThat(f.get("instrumentalness").asDouble()).isEqualTo(0.0);
    assertThat(f.get("key").asInt()).isZero();
    assertThat(f.get("liveness").asDouble()).isEqualTo(0.154);
    assertThat(f.get("loudness").asDouble()).isEqualTo(-9.455);
    assertThat(f.get("mode").asInt()).isEqualTo(1);
    assertThat(f.get("speechiness").asDouble()).isEqualTo(0.0275);
    assertThat(f.get("tempo").asDouble()).isEqualTo(101.96);
    assertThat(f.get("valence").asDouble()).isEqualTo(0.446);
    JsonNode batch = api.ok("/v1/audio-features?ids=" + SP_BAIRRO).get("content").get(0);
    assertThat(shape(batch).keySet()).containsExactlyElementsOf(specFeatureShape().keySet());
    assertThat(batch.get("isrc").isNull()).isTrue();
    assertThat(batch.get("instrumentalness").asDouble()).isEqualTo(6.34e-5);
    assertThat(batch.get("key").asInt()).isEqualTo(5);
    assertError(
        api.get("/v1/track/" + SOL + "/audio-features"),
        404,
        4041,
        "/v1/track/" + SOL + "/audio-features",
        SOL.toString());
  }

  /** The batch features example of spec §8, a real ReccoBeats body. */
  private static Map<String, String> specFeatureShape() {
    String example =
        "{\"id\":\"70b85474-5c5e-4430-a309-f1d71ee5cb23\",\"href\":\"https://open.spotify.com/track/01K4zKU104LyJ8gMb7227B\","
            + "\"isrc\":\"USUG12103683\",\"acousticness\":0.817,\"danceability\":0.606,\"energy\":0.377,\"instrumentalness\":0.0,"
            + "\"key\":0,\"liveness\":0.154,\"loudness\":-9.455,\"mode\":1,\"speechiness\":0.0275,\"tempo\":101.96,\"valence\":0.446}";
    return shape(JsonMapper.builder().build().readTree(example));
  }

  @Test
  void objectShapesMatchTheCapturedReccoBeatsResponses() throws Exception {
    JsonNode tracks = capture("capture_artist-tracks.json");
    JsonNode albums = capture("capture_search-albums-by-genre.json");
    JsonNode artists = capture("capture_search-by-artist-name.json");
    JsonNode recommended = capture("capture_track-recommendation.json");
    assertThat(shape(api.ok("/v1/artist/" + ANA + "/track?size=1")).keySet())
        .containsExactlyElementsOf(shape(tracks).keySet());
    assertThat(shape(api.ok("/v1/track?ids=" + ALFAMA)).keySet())
        .containsExactlyElementsOf(shape(recommended).keySet());
    // Alfama and Noite have every optional field set: names, order and types must all agree
    // with the captured objects, except where the capture itself has a null
    assertSameShape(api.ok("/v1/track/" + ALFAMA), tracks.get("content"));
    assertSameShape(api.ok("/v1/track/" + ALFAMA), recommended.get("content"));
    assertSameShape(api.ok("/v1/album/" + NOITE), albums.get("content"));
    assertSameShape(api.ok("/v1/artist/" + ANA), artists.get("content"));
    assertSameShape(api.ok("/v1/track/" + ALFAMA).get("artists").get(0), artists.get("content"));
  }

  // ------------------------------------------------------------------ sub-resources

  @Test
  void trackAlbumsAndAlbumTracks() throws Exception {
    JsonNode albums = api.ok("/v1/track/" + BAIRRO + "/album");
    assertPage(albums, 0, 25, 1, 1);
    assertThat(column(albums, "id")).containsExactly(NOITE.toString());
    assertPage(api.ok("/v1/track/" + SINGLE + "/album"), 0, 25, 0, 0);
    assertThat(api.ok("/v1/track/" + SINGLE + "/album").get("content")).isEmpty();

    // disc, then track number
    JsonNode tracks = api.ok("/v1/album/" + NOITE + "/track");
    assertPage(tracks, 0, 25, 3, 1);
    assertThat(column(tracks, "trackTitle")).containsExactly("Bairro Alto", "Alfama", "Lua");
    JsonNode second = api.ok("/v1/album/" + NOITE + "/track?page=1&size=2");
    assertPage(second, 1, 2, 3, 2);
    assertThat(column(second, "trackTitle")).containsExactly("Lua");
    assertThat(api.ok("/v1/album/" + NOITE + "/track?page=1000&size=50").get("content")).isEmpty();
  }

  @Test
  void artistAlbumsAndTracks() throws Exception {
    JsonNode albums = api.ok("/v1/artist/" + ANA + "/album");
    assertPage(albums, 0, 25, 2, 1);
    assertThat(column(albums, "name")).containsExactly("Compilation Hits", "Noite Escura");
    // every track the artist appears on, in title order
    assertThat(column(api.ok("/v1/artist/" + BRUNO + "/track"), "trackTitle"))
        .containsExactly("Bairro Alto", "Sol");
    JsonNode carla = api.ok("/v1/artist/" + CARLA + "/track?size=50&page=1");
    assertPage(carla, 1, 50, FILLERS + 1, 2);
    assertThat(column(carla, "trackTitle")).hasSize(FILLERS + 1 - 50).endsWith("Single Song");
    assertThat(api.ok("/v1/artist/" + CARLA).get("name").asString()).isEqualTo("Carla");
  }

  @Test
  void pathIdsAreReccoBeatsIdsOnly() throws Exception {
    for (String path :
        List.of(
            "/v1/track/" + SP_ALFAMA,
            "/v1/track/" + uuid(999),
            "/v1/track/" + SP_ALFAMA + "/album",
            "/v1/track/" + SP_ALFAMA + "/audio-features",
            "/v1/artist/" + SP_ANA,
            "/v1/artist/" + SP_ANA + "/track",
            "/v1/artist/" + uuid(999) + "/album",
            "/v1/album/" + SP_NOITE,
            "/v1/album/" + uuid(999) + "/track")) {
      assertError(api.get(path), 404, 4041, path, "Cannot find any");
    }
  }

  // ------------------------------------------------------------------ search and paging

  @Test
  void searchIsACaseInsensitiveSubstringOfTheNameInNameOrder() throws Exception {
    assertThat(column(api.ok("/v1/track/search?searchText=LFAM"), "trackTitle"))
        .containsExactly("Alfama");
    assertThat(column(api.ok("/v1/track/search?searchText=l"), "trackTitle"))
        .startsWith("Alfama", "Bairro Alto", "Filler 00");
    assertThat(column(api.ok("/v1/artist/search?searchText=queen"), "name"))
        .containsExactly("Bruno Queen");
    assertThat(column(api.ok("/v1/album/search?searchText=i"), "name"))
        .containsExactly("Compilation Hits", "Dia", "Noite Escura");
    JsonNode none = api.ok("/v1/album/search?searchText=zzz");
    assertPage(none, 0, 25, 0, 0);
    assertThat(none.get("content")).isEmpty();
  }

  @Test
  void pagesEchoTheRequestAndCountEverything() throws Exception {
    JsonNode first = api.ok("/v1/track/search?searchText=filler");
    assertPage(first, 0, 25, FILLERS, 3);
    assertThat(column(first, "trackTitle")).hasSize(25).startsWith("Filler 00");
    JsonNode last = api.ok("/v1/track/search?searchText=filler&page=1&size=50");
    assertPage(last, 1, 50, FILLERS, 2);
    assertThat(column(last, "trackTitle")).hasSize(10).endsWith("Filler 59");
    assertPage(api.ok("/v1/track/search?searchText=filler&page=1000&size=1"), 1000, 1, 60, 60);
    assertPage(api.ok("/v1/track/search?searchText=filler&size=50"), 0, 50, FILLERS, 2);
  }

  @Test
  void pagingOutOfBoundsIsAValidationError() throws Exception {
    Map<String, String> methods = new LinkedHashMap<>();
    methods.put("/v1/track/search?searchText=a&", "searchTrack");
    methods.put("/v1/artist/search?searchText=a&", "searchArtist");
    methods.put("/v1/album/search?searchText=a&", "searchAlbum");
    methods.put("/v1/track/" + ALFAMA + "/album?", "getTrackAlbums");
    methods.put("/v1/artist/" + ANA + "/album?", "getArtistAlbums");
    methods.put("/v1/artist/" + ANA + "/track?", "getArtistTracks");
    methods.put("/v1/album/" + NOITE + "/track?", "getAlbumTracks");
    for (Map.Entry<String, String> e : methods.entrySet()) {
      String m = e.getValue();
      assertValidation(
          api.get(e.getKey() + "size=51"), m + ".size", "must be less than or equal to 50");
      assertValidation(
          api.get(e.getKey() + "size=0"), m + ".size", "must be greater than or equal to 1");
      assertValidation(
          api.get(e.getKey() + "page=1001"), m + ".page", "must be less than or equal to 1000");
      assertValidation(
          api.get(e.getKey() + "page=-1"), m + ".page", "must be greater than or equal to 0");
      assertError(api.get(e.getKey() + "size=abc"), 400, 4002, null, "'size'");
    }
    // every violation is listed
    Response both = api.get("/v1/track/search?searchText=a&page=1001&size=100");
    assertThat(both.json().get("errors")).hasSize(2);
  }

  @Test
  void searchTextIsRequiredNotBlankAndAtMostAThousandCharacters() throws Exception {
    for (String kind : List.of("track", "artist", "album")) {
      String method = "search" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
      String path = "/v1/" + kind + "/search";
      assertError(api.get(path), 400, 4001, path, "'searchText'");
      assertValidation(
          api.get(path + "?searchText=%20%20"), method + ".searchText", "must not be blank");
      assertValidation(
          api.get(path + "?searchText=" + "a".repeat(1001)),
          method + ".searchText",
          "size must be between 1 and 1000");
      assertThat(api.get(path + "?searchText=" + "a".repeat(1000)).status()).isEqualTo(200);
    }
  }

  // ------------------------------------------------------------------ errors and HTTP

  @Test
  void unknownPathsWrongMethodsAndContentTypesGetTheCommonEnvelope() throws Exception {
    assertError(api.get("/v1/tracks"), 404, 4042, "/v1/tracks", "/v1/tracks");
    assertError(api.get("/v1/track/a/b/c"), 404, 4042, "/v1/track/a/b/c", "No endpoint");
    Response post =
        api.send(
            HttpRequest.newBuilder(api.uri("/v1/track?ids=" + ALFAMA))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertError(post, 405, 4002, "/v1/track", "'POST'");
    assertThat(post.header("Allow")).contains("GET");
    Response json =
        api.send(
            HttpRequest.newBuilder(api.uri("/v1/probe/upload"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertError(
        json, 415, 4002, "/v1/probe/upload", "Content-Type 'application/json' is not supported.");
    Response none =
        api.send(
            HttpRequest.newBuilder(api.uri("/v1/probe/upload"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertError(none, 415, 4002, "/v1/probe/upload", "Content-Type 'null' is not supported.");
  }

  @Test
  void unexpectedFailuresAre5001WithoutAStackTrace() throws Exception {
    Response r = api.get("/v1/probe/failure");
    assertError(r, 500, 5001, "/v1/probe/failure", "try again");
    assertThat(r.body()).doesNotContain("secret internal detail").doesNotContain("Exception");
  }

  @Test
  void headersClientsSendAreIgnoredAndCorsIsOpen() throws Exception {
    Response r =
        api.get(
            "/v1/track/" + ALFAMA,
            "Authorization",
            "Bearer abc",
            "x-api-key",
            "k",
            "Content-Type",
            "application/json",
            "Origin",
            "https://app.example");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(r.header("Content-Type")).startsWith("application/json");
    Response preflight =
        api.send(
            HttpRequest.newBuilder(api.uri("/v1/track?ids=x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET"));
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void otherDialectsAndTheActuatorKeepTheirOwnErrors() throws Exception {
    Response jamendo = api.get("/v3.0/tracks/?client_id=nobody");
    assertThat(jamendo.status()).isEqualTo(200);
    assertThat(jamendo.json().get("headers").get("status").asString()).isEqualTo("failed");
    Response actuator = api.get("/actuator/nothing-here");
    assertThat(actuator.status()).isEqualTo(404);
    assertThat(actuator.body()).doesNotContain("uri=");
  }

  @Test
  void openApiGroupDescribesEveryEndpoint() throws Exception {
    JsonNode doc = api.ok("/v3/api-docs/reccobeats");
    List<String> paths = new ArrayList<>();
    doc.get("paths").propertyNames().forEach(paths::add);
    assertThat(paths)
        .contains(
            "/v1/track",
            "/v1/track/{id}",
            "/v1/track/{id}/album",
            "/v1/track/{id}/audio-features",
            "/v1/track/search",
            "/v1/track/recommendation",
            "/v1/audio-features",
            "/v1/artist",
            "/v1/artist/search",
            "/v1/artist/{id}",
            "/v1/artist/{id}/album",
            "/v1/artist/{id}/track",
            "/v1/album",
            "/v1/album/search",
            "/v1/album/{id}",
            "/v1/album/{id}/track")
        .allMatch(p -> p.startsWith("/v1/"))
        .doesNotContain("/v1/**");
    JsonNode getTracks = doc.get("paths").get("/v1/track").get("get");
    assertThat(getTracks.get("summary").asString()).isEqualTo("Several tracks");
    JsonNode ids = getTracks.get("parameters").get(0);
    assertThat(ids.get("name").asString()).isEqualTo("ids");
    assertThat(ids.get("required").asBoolean()).isTrue();
    assertThat(ids.get("description").asString()).contains("1…40");
    JsonNode recommend = doc.get("paths").get("/v1/track/recommendation").get("get");
    assertThat(recommend.get("operationId").asString()).isEqualTo("getRecommendation");
    Map<String, JsonNode> params = new LinkedHashMap<>();
    recommend.get("parameters").forEach(p -> params.put(p.get("name").asString(), p));
    assertThat(params.keySet())
        .containsExactly(
            "seeds",
            "negativeSeeds",
            "size",
            "acousticness",
            "danceability",
            "energy",
            "instrumentalness",
            "key",
            "liveness",
            "loudness",
            "mode",
            "speechiness",
            "tempo",
            "valence",
            "popularity",
            "featureWeight");
    assertThat(params.values()).allMatch(p -> p.get("in").asString().equals("query"));
    assertThat(params.get("seeds").get("required").asBoolean()).isTrue();
    assertThat(params.get("seeds").get("description").asString()).contains("1…5");
    assertThat(params.get("size").get("schema").get("maximum").asInt()).isEqualTo(100);
    assertThat(params.get("size").get("schema").get("default").asInt()).isEqualTo(10);
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static JsonNode wrap(JsonNode array) {
    return JsonMapper.builder().build().createObjectNode().set("content", array);
  }

  static void assertPage(JsonNode page, int number, int size, long total, int pages) {
    assertThat(shape(page))
        .containsExactlyEntriesOf(
            ordered(
                "content", "array",
                "page", "int",
                "size", "int",
                "totalElements", "int",
                "totalPages", "int"));
    assertThat(page.get("page").asInt()).isEqualTo(number);
    assertThat(page.get("size").asInt()).isEqualTo(size);
    assertThat(page.get("totalElements").asLong()).isEqualTo(total);
    assertThat(page.get("totalPages").asInt()).isEqualTo(pages);
  }

  /** Envelope B with exactly one violation. */
  static void assertValidation(Response r, String path, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(shape(r.json()))
        .containsExactlyEntriesOf(ordered("status", "int", "errors", "array"));
    assertThat(r.json().get("status").asInt()).isEqualTo(4004);
    JsonNode errors = r.json().get("errors");
    assertThat(errors).as(r.body()).hasSize(1);
    assertThat(shape(errors.get(0)))
        .containsExactlyEntriesOf(ordered("path", "string", "message", "string"));
    assertThat(errors.get(0).get("path").asString()).isEqualTo(path);
    assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
  }

  /** Envelope A: HTTP status, ReccoBeats code, {@code uri=} path (unless null), message part. */
  static void assertError(Response r, int http, int code, String path, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(http);
    assertThat(shape(r.json()))
        .containsExactlyEntriesOf(
            ordered("timestamp", "string", "error", "string", "path", "string", "status", "int"));
    assertThat(r.json().get("timestamp").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
    assertThat(r.json().get("status").asInt()).isEqualTo(code);
    if (path != null) {
      assertThat(r.json().get("path").asString()).isEqualTo("uri=" + path);
    }
    assertThat(r.json().get("error").asString()).contains(messagePart);
    assertThat(r.body()).doesNotContain("\tat ").doesNotContain("trace");
  }
}

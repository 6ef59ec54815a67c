package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.search.SearchIndex;
import dev.stave.testsupport.FixtureAudio;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3.0/tracks/similar} over a small catalog: five Jamendo-like tracks with tags and
 * musicinfo but no audio features, and thirty with features.
 */
// The context owns files in this class's temporary data directory: close it with the class.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoSimilarTracksTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired AudioFileStore audioFiles;
  @Autowired AudioAvailability audioAvailability;
  @Autowired SearchIndex index;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String clientId;

  private static final MusicInfo FADO_VOICE =
      new MusicInfo("vocal", "pt", "female", "acoustic", "low");

  @BeforeEach
  void setUp() {
    clientId = apps.create("similar test").clientId();
    List<Artist> artists = new ArrayList<>();
    List<Album> albums = new ArrayList<>();
    for (long a = 1; a <= 6; a++) {
      artists.add(Artist.named(a, "Artist " + a));
      albums.add(album(10 + a, a));
    }
    List<Track> tracks = new ArrayList<>();
    tracks.add(track(100, 1, tags("fado", "sad"), FADO_VOICE, AudioFeatures.NONE));
    tracks.add(
        track(
            101,
            1,
            tags("fado", "guitar"),
            new MusicInfo("instrumental", "pt", null, "acoustic", "low"),
            AudioFeatures.NONE));
    tracks.add(track(102, 2, tags("fado", "sad"), FADO_VOICE, AudioFeatures.NONE));
    tracks.add(
        track(
            103,
            3,
            tags("rock", "happy"),
            new MusicInfo("vocal", "en", "male", "electric", "high"),
            AudioFeatures.NONE));
    tracks.add(
        track(
            104,
            2,
            tags("fado"),
            new MusicInfo("vocal", "pt", null, "acoustic", "medium"),
            AudioFeatures.NONE));
    for (int i = 0; i < 30; i++) {
      double x = i / 30.0;
      AudioFeatures f =
          new AudioFeatures(
              x, 1 - x, x, 0.1, i % 12, 0.1, -20 + 10 * x, i % 2, 0.05, 90 + 60 * x, x);
      tracks.add(
          track(
              200 + i,
              4 + i % 3,
              tags(i % 2 == 0 ? "electronic" : "pop"),
              new MusicInfo("vocal", "en", null, "electric", "medium"),
              f));
    }
    store.write(new CatalogBatch(artists, albums, tracks));
    index.catchUp();
    FixtureAudio.forEveryTrack(jdbc, audioFiles, audioAvailability);
  }

  private static List<Tag> tags(String... names) {
    List<Tag> out = new ArrayList<>();
    for (String n : names) {
      out.add(new Tag(List.of("guitar").contains(n) ? Tag.INSTRUMENT : Tag.GENRE, n));
    }
    return out;
  }

  private static Album album(long id, long artist) {
    return new Album(
        id,
        null,
        "Album " + id,
        List.of(artist),
        null,
        null,
        "album",
        null,
        null,
        null,
        true,
        null,
        0,
        null,
        null);
  }

  private static Track track(
      long id, long artist, List<Tag> tags, MusicInfo info, AudioFeatures f) {
    return new Track(
        id,
        null,
        "Track " + id,
        10 + artist,
        1,
        1,
        200_000,
        null,
        null,
        info,
        null,
        null,
        0,
        null,
        null,
        null,
        f,
        List.of(artist),
        tags);
  }

  private JsonNode get(String query) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/v3.0/tracks/similar/?client_id="
                            + clientId
                            + query))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(r.body());
  }

  private List<String> ids(String query) throws Exception {
    JsonNode doc = get(query);
    assertThat(doc.get("headers").get("code").asInt()).as(doc.toString()).isZero();
    List<String> out = new ArrayList<>();
    doc.get("results").forEach(t -> out.add(t.get("id").asString()));
    return out;
  }

  private static int code(JsonNode doc) {
    return doc.get("headers").get("code").asInt();
  }

  @Test
  void similarTracksCarryAScoreOfAtMostOneInDescendingOrderWithoutTheSeed() throws Exception {
    JsonNode doc = get("&id=215&limit=20&include=musicinfo");
    assertThat(code(doc)).isZero();
    JsonNode results = doc.get("results");
    assertThat(results.size()).isEqualTo(20);
    double previous = 1.0;
    for (JsonNode t : results) {
      assertThat(t.get("id").asString()).isNotEqualTo("215");
      assertThat(t.get("score").isDouble()).as(t.toString()).isTrue();
      double score = t.get("score").asDouble();
      assertThat(score).isPositive().isLessThanOrEqualTo(previous);
      previous = score;
      assertThat(JamendoHttp.unsigned(t.get("audio").asString()))
          .endsWith("/audio/track/" + t.get("id").asString() + "/mp31");
      assertThat(t.get("musicinfo").get("tags").get("genres")).isNotNull();
    }
    // nearest to 215: 213 and 217, same mode and tag (214 and 216 differ in mode, a whole unit)
    assertThat(ids("&id=215&limit=2")).containsExactlyInAnyOrder("213", "217");
  }

  @Test
  void tracksWithTagsButNoFeaturesGetTagSimilarResults() throws Exception {
    List<String> ids = ids("&id=100&limit=5");
    // 102 shares every tag and musicinfo value; 104 and 101 share fado and more of musicinfo than
    // the rock track or the electronic ones
    assertThat(ids.get(0)).isEqualTo("102");
    assertThat(ids.subList(0, 3)).containsExactlyInAnyOrder("102", "104", "101");
    assertThat(ids).doesNotContain("100");
  }

  @Test
  void noArtistAndNoAlbumLeaveOutTheirTracks() throws Exception {
    assertThat(ids("&id=100&limit=50")).contains("101", "102", "104");
    List<String> noArtist = ids("&id=100&limit=50&no_artist=2");
    assertThat(noArtist).contains("101").doesNotContain("102", "104");
    List<String> noAlbum = ids("&id=100&limit=50&no_album=11");
    assertThat(noAlbum).contains("102", "104").doesNotContain("101");
  }

  @Test
  void offsetAndLimitPageThroughOneRanking() throws Exception {
    List<String> all = ids("&id=210&limit=9");
    List<String> paged = new ArrayList<>(ids("&id=210&limit=3"));
    paged.addAll(ids("&id=210&limit=3&offset=3"));
    paged.addAll(ids("&id=210&limit=3&offset=6"));
    assertThat(paged).isEqualTo(all);
    JsonNode counted = get("&id=210&limit=2&fullcount=true");
    assertThat(counted.get("headers").get("results_fullcount").asInt()).isGreaterThan(9);
    assertThat(ids("&id=210&offset=500")).isEmpty();
  }

  @Test
  void theSeedIsRequiredAndMustBeOneInteger() throws Exception {
    assertThat(code(get(""))).isEqualTo(4);
    assertThat(get("").get("headers").get("error_message").asString()).contains("id");
    assertThat(code(get("&id=abc"))).isEqualTo(3);
    assertThat(code(get("&id=100+101"))).isEqualTo(3);
    assertThat(code(get("&id=100&no_artist=x"))).isEqualTo(3);
    assertThat(code(get("&id=100&no_album=1.5"))).isEqualTo(3);
  }

  @Test
  void anUnknownSeedGivesNoResultsAndOrderIsNotAParameter() throws Exception {
    JsonNode unknown = get("&id=999999");
    assertThat(code(unknown)).isZero();
    assertThat(unknown.get("results").size()).isZero();
    JsonNode ordered = get("&id=100&order=name");
    assertThat(code(ordered)).isZero();
    assertThat(ordered.get("headers").get("warnings").asString()).contains("order");
  }
}

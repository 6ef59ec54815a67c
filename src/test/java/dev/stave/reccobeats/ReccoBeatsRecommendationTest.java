package dev.stave.reccobeats;

import static dev.stave.reccobeats.HttpJson.assertSameShape;
import static dev.stave.reccobeats.HttpJson.capture;
import static dev.stave.reccobeats.HttpJson.column;
import static dev.stave.reccobeats.HttpJson.shape;
import static dev.stave.reccobeats.ReccoBeatsApiTest.assertError;
import static dev.stave.reccobeats.ReccoBeatsApiTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.Track;
import dev.stave.reccobeats.HttpJson.Response;
import dev.stave.search.SearchIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/track/recommendation} (spec E6) over HTTP, on a generated catalog of {@value
 * #TRACKS} tracks with pseudo-random (fixed-seed) audio features and popularity, every one with a
 * ReccoBeats UUID and a Spotify id: both id kinds and array syntaxes, negative seeds, feature and
 * popularity targets, size default and bounds, every error the endpoint gives.
 */
// The context owns files in this class's temporary data directory: close it with the class.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReccoBeatsRecommendationTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  static final int TRACKS = 150;
  static final String PATH = "/v1/track/recommendation";

  /** The size when none is given (decided here, see RecommendationParams). */
  static final int DEFAULT_SIZE = 10;

  private static boolean written;

  @LocalServerPort int port;
  @Autowired CatalogStore store;
  @Autowired SearchIndex index;

  private HttpJson api;

  static UUID uuid(long id) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", id));
  }

  static String spotify(long id) {
    return String.format("SpotifyTrack%010d", id);
  }

  @BeforeEach
  void setUp() {
    api = new HttpJson(port);
    if (written) {
      return;
    }
    Random random = new Random(42);
    List<Artist> artists = new ArrayList<>();
    for (long a = 1; a <= 10; a++) {
      artists.add(
          new Artist(
              a,
              uuid(10_000 + a),
              "Artist " + a,
              null,
              null,
              null,
              null,
              new ExternalIds(null, null, null),
              10,
              null,
              null));
    }
    List<Track> tracks = new ArrayList<>();
    for (long id = 1; id <= TRACKS; id++) {
      AudioFeatures f =
          new AudioFeatures(
              random.nextDouble(),
              random.nextDouble(),
              random.nextDouble(),
              random.nextDouble(),
              random.nextInt(12),
              random.nextDouble(),
              -30 + 28 * random.nextDouble(),
              random.nextInt(2),
              random.nextDouble() * 0.5,
              60 + 140 * random.nextDouble(),
              random.nextDouble());
      tracks.add(
          new Track(
              id,
              uuid(id),
              "Track " + id,
              null,
              null,
              null,
              180_000 + id,
              null,
              null,
              null,
              null,
              new ExternalIds(spotify(id), "ISRC" + id, null),
              random.nextInt(101),
              "PT,BR",
              null,
              null,
              f,
              List.of(1 + id % 10),
              null));
    }
    store.write(new CatalogBatch(artists, List.of(), tracks));
    index.catchUp();
    written = true;
  }

  // ------------------------------------------------------------------ seeds

  @Test
  void seedsInBothArraySyntaxesAndBothIdKindsGiveTheSameListWithoutTheSeeds() throws Exception {
    List<String> comma = ids(api.ok(PATH + "?seeds=" + spotify(1) + "," + uuid(2)));
    List<String> repeated = ids(api.ok(PATH + "?seeds=" + uuid(1) + "&seeds=" + spotify(2)));
    // mixed forms, blanks and empty pieces, the same track named twice
    List<String> mixed =
        ids(api.ok(PATH + "?seeds=%20" + uuid(1) + ",,&seeds=" + spotify(2) + "," + spotify(1)));
    assertThat(comma).hasSize(DEFAULT_SIZE).doesNotHaveDuplicates();
    assertThat(repeated).isEqualTo(comma);
    assertThat(mixed).isEqualTo(comma);
    assertThat(comma).doesNotContain(uuid(1).toString(), uuid(2).toString());
    // deterministic: the same request on the same catalog gives the same list
    assertThat(ids(api.ok(PATH + "?seeds=" + spotify(1) + "," + uuid(2)))).isEqualTo(comma);
    // one seed differs from two
    assertThat(ids(api.ok(PATH + "?seeds=" + uuid(1)))).isNotEqualTo(comma);
  }

  @Test
  void unknownSeedsAmongKnownOnesAreIgnored() throws Exception {
    List<String> known = ids(api.ok(PATH + "?seeds=" + uuid(3) + "&size=20"));
    assertThat(ids(api.ok(PATH + "?seeds=" + uuid(999) + "," + uuid(3) + ",nope&size=20")))
        .isEqualTo(known);
    // unknown negative seeds change nothing either
    assertThat(ids(api.ok(PATH + "?seeds=" + uuid(3) + "&size=20&negativeSeeds=" + uuid(998))))
        .isEqualTo(known);
  }

  @Test
  void seedsThatNameNoTrackAreA4002() throws Exception {
    assertError(
        api.get(PATH + "?seeds=" + uuid(999) + ",unknownSpotifyId000000&size=5"),
        400,
        4002,
        PATH,
        "Cannot find any track for given seed ids");
  }

  @Test
  void seedCountsAreValidated() throws Exception {
    String six = String.join(",", IntStream.rangeClosed(1, 6).mapToObj(i -> spotify(i)).toList());
    assertValidation(
        api.get(PATH + "?seeds=" + six), "getRecommendation.seeds", "size must be between 1 and 5");
    // the repeated form counts the same way
    assertValidation(
        api.get(PATH + "?seeds=" + six.replace(",", "&seeds=")),
        "getRecommendation.seeds",
        "size must be between 1 and 5");
    assertValidation(
        api.get(PATH + "?seeds=,%20,"), "getRecommendation.seeds", "size must be between 1 and 5");
    // five distinct ids, one of them twice: five seeds
    assertThat(api.get(PATH + "?seeds=" + six.replace(spotify(6), spotify(5))).status())
        .isEqualTo(200);
    assertValidation(
        api.get(PATH + "?seeds=" + uuid(1) + "&negativeSeeds=" + six),
        "getRecommendation.negativeSeeds",
        "size must be between 1 and 5");
    // an empty negativeSeeds means none
    assertThat(ids(api.ok(PATH + "?seeds=" + uuid(1) + "&negativeSeeds=")))
        .isEqualTo(ids(api.ok(PATH + "?seeds=" + uuid(1))));
    // no seeds at all: 4001, and the path is not taken for /v1/track/{id}
    assertError(api.get(PATH + "?size=5"), 400, 4001, PATH, "'seeds'");
  }

  // ------------------------------------------------------------------ steering

  @Test
  void resultsNeverContainSeedsOrNegativeSeeds() throws Exception {
    List<String> all =
        ids(
            api.ok(
                PATH
                    + "?size=100&seeds="
                    + uuid(4)
                    + ","
                    + spotify(5)
                    + "&negativeSeeds="
                    + spotify(6)
                    + ","
                    + uuid(7)));
    assertThat(all).hasSize(100).doesNotHaveDuplicates();
    assertThat(all)
        .doesNotContain(
            uuid(4).toString(), uuid(5).toString(), uuid(6).toString(), uuid(7).toString());
  }

  @Test
  void negativeSeedsPushResultsAway() throws Exception {
    String seeds = "?size=20&seeds=" + uuid(8) + "," + uuid(9);
    double[] negative = vector(features(List.of(uuid(10).toString())).get(0));
    double plain = meanDistance(features(ids(api.ok(PATH + seeds))), negative);
    double pushed =
        meanDistance(features(ids(api.ok(PATH + seeds + "&negativeSeeds=" + uuid(10)))), negative);
    assertThat(pushed).isGreaterThan(plain);
  }

  @Test
  void featureTargetsMoveResultsTowardThem() throws Exception {
    String seeds = "?size=20&seeds=" + uuid(11) + "," + uuid(12);
    double none = mean(features(ids(api.ok(PATH + seeds))), "energy");
    double high = mean(features(ids(api.ok(PATH + seeds + "&energy=1"))), "energy");
    double higher =
        mean(features(ids(api.ok(PATH + seeds + "&energy=1&featureWeight=5"))), "energy");
    double low = mean(features(ids(api.ok(PATH + seeds + "&energy=0&featureWeight=5"))), "energy");
    assertThat(high).isGreaterThan(none);
    assertThat(higher).isGreaterThanOrEqualTo(high);
    assertThat(low).isLessThan(none);
    // tempo in BPM and loudness in dB are targets on their own scales
    double fast = mean(features(ids(api.ok(PATH + seeds + "&tempo=250&featureWeight=5"))), "tempo");
    double slow = mean(features(ids(api.ok(PATH + seeds + "&tempo=0&featureWeight=5"))), "tempo");
    assertThat(fast).isGreaterThan(slow);
    // popularity is a target too
    double popular = meanPopularity(api.ok(PATH + seeds + "&popularity=100&featureWeight=5"));
    double obscure = meanPopularity(api.ok(PATH + seeds + "&popularity=0&featureWeight=5"));
    assertThat(popular).isGreaterThan(obscure);
  }

  // ------------------------------------------------------------------ size and values

  @Test
  void sizeDefaultsToTenAndIsBounded() throws Exception {
    String seeds = "?seeds=" + uuid(13);
    List<String> ten = ids(api.ok(PATH + seeds));
    assertThat(ten).hasSize(DEFAULT_SIZE);
    // a larger size gives the same list, longer
    assertThat(ids(api.ok(PATH + seeds + "&size=100")))
        .hasSize(100)
        .startsWith(ten.toArray(new String[0]));
    assertThat(ids(api.ok(PATH + seeds + "&size=1"))).containsExactly(ten.get(0));
    assertValidation(
        api.get(PATH + seeds + "&size=101"),
        "getRecommendation.size",
        "must be less than or equal to 100");
    for (String size : List.of("0", "-3")) {
      assertError(
          api.get(PATH + seeds + "&size=" + size),
          400,
          4002,
          PATH,
          "Size must be a greater than zero");
    }
    assertError(api.get(PATH + seeds + "&size=abc"), 400, 4002, PATH, "'size' must be of type int");
  }

  @Test
  void targetValuesAreValidated() throws Exception {
    String seeds = PATH + "?seeds=" + uuid(14) + "&";
    String[][] cases = {
      {"energy=1.5", "energy", "must be less than or equal to 1"},
      {"acousticness=-0.1", "acousticness", "must be greater than or equal to 0"},
      {"valence=NaN", "valence", "must be a number between 0 and 1"},
      {"loudness=-61", "loudness", "must be greater than or equal to -60"},
      {"loudness=2.5", "loudness", "must be less than or equal to 2"},
      {"tempo=250.1", "tempo", "must be less than or equal to 250"},
      {"key=12", "key", "must be less than or equal to 11"},
      {"key=-2", "key", "must be greater than or equal to -1"},
      {"mode=2", "mode", "must be less than or equal to 1"},
      {"popularity=101", "popularity", "must be less than or equal to 100"},
      {"featureWeight=0.5", "featureWeight", "must be greater than or equal to 1"},
      {"featureWeight=5.5", "featureWeight", "must be less than or equal to 5"},
    };
    for (String[] c : cases) {
      assertValidation(api.get(seeds + c[0]), "getRecommendation." + c[1], c[2]);
    }
    // the bounds themselves are fine
    assertThat(
            api.get(seeds + "energy=1&loudness=2&tempo=250&key=-1&mode=0&featureWeight=5").status())
        .isEqualTo(200);
    // not numbers: 4002, naming the parameter and its type
    assertError(api.get(seeds + "energy=high"), 400, 4002, PATH, "'energy' must be of type float");
    assertError(api.get(seeds + "key=1.5"), 400, 4002, PATH, "'key' must be of type int");
    // every violation is listed together
    Response many = api.get(seeds + "energy=2&size=500&mode=-1");
    assertThat(many.status()).isEqualTo(400);
    assertThat(column(wrap(many.json().get("errors")), "path"))
        .containsExactly(
            "getRecommendation.size", "getRecommendation.energy", "getRecommendation.mode");
  }

  // ------------------------------------------------------------------ shape

  @Test
  void aRecommendedTrackHasTheShapeOfTheSpecExample() throws Exception {
    JsonNode r = api.ok(PATH + "?seeds=" + uuid(15) + "&size=3");
    assertThat(shape(r).keySet()).containsExactly("content");
    assertThat(shape(r.get("content").get(0))).containsExactlyEntriesOf(shape(SPEC_EXAMPLE));
    JsonNode artist = r.get("content").get(0).get("artists").get(0);
    assertThat(shape(artist)).containsExactlyEntriesOf(shape(SPEC_EXAMPLE.get("artists").get(0)));
    // rendered as /v1/track renders it
    String first = r.get("content").get(0).get("id").asString();
    assertThat(r.get("content").get(0)).isEqualTo(api.ok("/v1/track/" + first));
  }

  @Test
  void aRecommendedTrackHasTheShapeOfTheCapturedResponse() throws Exception {
    JsonNode captured = capture("capture_track-recommendation.json");
    JsonNode r = api.ok(PATH + "?seeds=" + uuid(15) + "&size=3");
    assertThat(shape(r).keySet()).containsExactlyElementsOf(shape(captured).keySet());
    assertSameShape(r.get("content").get(0), captured.get("content"));
  }

  /** The recommendation response of spec §8 (a real body, countries shortened). */
  private static final JsonNode SPEC_EXAMPLE =
      JsonMapper.builder()
          .build()
          .readTree(
              "{\"id\":\"9018a688-1d36-4d42-b60e-7873cd70ccee\",\"trackTitle\":\"POWER - Album"
                  + " Version (Edited)\",\"artists\":[{\"id\":\"c4386cd7-b707-4d0f-8142-d2907091bcb4\","
                  + "\"name\":\"Kanye West\",\"href\":\"https://open.spotify.com/artist/5K4W6rqBFWDnAN6FQUkS6x\"}],"
                  + "\"durationMs\":292093,\"isrc\":\"USUM71018303\",\"ean\":null,\"upc\":null,"
                  + "\"href\":\"https://open.spotify.com/track/76mzio0HuYMaCfIDd5EU1w\","
                  + "\"availableCountries\":\"AR,AU,AT\",\"popularity\":48}");

  // ------------------------------------------------------------------ helpers

  private static List<String> ids(JsonNode envelope) {
    return column(envelope, "id");
  }

  /** The audio features of the tracks, in order (at most 40 ids per request). */
  private List<JsonNode> features(List<String> ids) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    api.ok("/v1/audio-features?ids=" + String.join(",", ids)).get("content").forEach(out::add);
    assertThat(out).hasSameSizeAs(ids);
    return out;
  }

  private static double mean(List<JsonNode> features, String field) {
    return features.stream().mapToDouble(f -> f.get(field).asDouble()).average().orElseThrow();
  }

  private static double meanPopularity(JsonNode envelope) {
    List<Double> p = new ArrayList<>();
    envelope.get("content").forEach(t -> p.add(t.get("popularity").asDouble()));
    return p.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The ratio features of a features object (all on 0…1). */
  private static double[] vector(JsonNode f) {
    return List.of(
            "acousticness",
            "danceability",
            "energy",
            "instrumentalness",
            "liveness",
            "speechiness",
            "valence")
        .stream()
        .mapToDouble(k -> f.get(k).asDouble())
        .toArray();
  }

  private static double meanDistance(List<JsonNode> features, double[] to) {
    return features.stream()
        .mapToDouble(
            f -> {
              double[] v = vector(f);
              double s = 0;
              for (int i = 0; i < v.length; i++) {
                s += (v[i] - to[i]) * (v[i] - to[i]);
              }
              return Math.sqrt(s);
            })
        .average()
        .orElseThrow();
  }

  private static JsonNode wrap(JsonNode array) {
    return JsonMapper.builder().build().createObjectNode().set("content", array);
  }
}

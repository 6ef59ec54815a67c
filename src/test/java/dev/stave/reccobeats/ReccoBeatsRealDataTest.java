package dev.stave.reccobeats;

import static dev.stave.reccobeats.HttpJson.assertSameShape;
import static dev.stave.reccobeats.HttpJson.capture;
import static dev.stave.reccobeats.HttpJson.column;
import static dev.stave.reccobeats.ReccoBeatsApiTest.assertError;
import static dev.stave.reccobeats.ReccoBeatsApiTest.assertPage;
import static dev.stave.reccobeats.ReccoBeatsApiTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.ingest.ImportOptions;
import dev.stave.ingest.ImportReport;
import dev.stave.ingest.ImportService;
import dev.stave.ingest.ImporterRegistry;
import dev.stave.testsupport.RealData;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

/**
 * The ReccoBeats dialect over the real exports of {@code ../shared/data/reccobeats} (Arctic
 * Monkeys, Fleetwood Mac, Taylor Swift: real ReccoBeats UUIDs next to Spotify ids and features) and
 * the 8k Spotify songs, imported as an operator would with {@code stave import spotify-csv}: what a
 * client reads must be what ReccoBeats served for the same ids.
 */
// The context owns files in this class's temporary data directory (store, search index): close it
// with the class, before JUnit deletes the directory, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReccoBeatsRealDataTest {
  @TempDir static Path dataDir;
  private static boolean imported;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired ImportService imports;
  @Autowired ImporterRegistry importers;

  private HttpJson api;
  private static final List<Row> rows = new ArrayList<>();

  private static final List<String> PITCHES =
      List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");

  /** One row of a ReccoBeats export; features null where the export says NA. */
  record Row(
      String artist,
      String spotifyId,
      String name,
      String album,
      int disc,
      int number,
      String recco,
      Double tempo,
      Double energy,
      Double acousticness,
      Integer key,
      Integer mode) {}

  @BeforeEach
  void importOnce() throws Exception {
    api = new HttpJson(port);
    List<Path> files =
        List.of(
            RealData.require("reccobeats/features_arctic_monkeys_2026.csv"),
            RealData.require("reccobeats/features_fleetwood_mac_2026.csv"),
            RealData.require("reccobeats/features_taylor_swift_2026.csv"),
            RealData.require(RealData.SPOTIFY_8K));
    if (imported) {
      return;
    }
    ImportReport report =
        imports.run(importers.find("spotify-csv").orElseThrow(), files, ImportOptions.defaults());
    assertThat(report.completed()).isTrue();
    for (Path f : files.subList(0, 3)) {
      try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (CSVRecord r :
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
          boolean na = "NA".equals(r.get("tempo"));
          rows.add(
              new Row(
                  r.get("artist"),
                  r.get("id"),
                  r.get("name"),
                  r.get("album"),
                  Integer.parseInt(r.get("disc_number")),
                  Integer.parseInt(r.get("track_number")),
                  "NA".equals(r.get("recco_id")) ? null : r.get("recco_id"),
                  na ? null : Double.valueOf(r.get("tempo")),
                  na ? null : Double.valueOf(r.get("energy")),
                  na ? null : Double.valueOf(r.get("acousticness")),
                  na ? null : PITCHES.indexOf(r.get("key")),
                  na ? null : "Major".equals(r.get("mode")) ? 1 : 0));
        }
      }
    }
    imported = true;
  }

  private List<Row> withFeatures() {
    return rows.stream().filter(r -> r.recco() != null && r.tempo() != null).toList();
  }

  @Test
  void fortyRealTracksByMixedIdsComeBackInRequestOrder() throws Exception {
    List<Row> some = withFeatures().subList(0, 40);
    // 20 ReccoBeats UUIDs as one comma list, then 20 Spotify ids repeated
    StringBuilder q = new StringBuilder("/v1/track?ids=");
    List<String> expectedIds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      q.append(i == 0 ? "" : ",").append(some.get(i).recco());
    }
    for (int i = 20; i < 40; i++) {
      q.append("&ids=").append(some.get(i).spotifyId());
    }
    JsonNode r = api.ok(q.toString());
    List<String> hrefs = column(r, "href");
    List<String> titles = column(r, "trackTitle");
    assertThat(titles).containsExactlyElementsOf(some.stream().map(Row::name).toList());
    assertThat(hrefs)
        .containsExactlyElementsOf(
            some.stream().map(x -> "https://open.spotify.com/track/" + x.spotifyId()).toList());
    some.subList(0, 20).forEach(x -> expectedIds.add(x.recco()));
    assertThat(column(r, "id").subList(0, 20)).containsExactlyElementsOf(expectedIds);

    List<String> fortyOne =
        new ArrayList<>(withFeatures().subList(0, 41).stream().map(Row::recco).toList());
    assertValidation(
        api.get("/v1/audio-features?ids=" + String.join(",", fortyOne)),
        "getAudioFeatures.ids",
        "size must be between 1 and 40");
  }

  @Test
  void audioFeaturesAreTheExportedOnes() throws Exception {
    List<Row> all = withFeatures();
    int checked = 0;
    for (int from = 0; from < all.size(); from += 40) {
      List<Row> batch = all.subList(from, Math.min(all.size(), from + 40));
      List<Row> distinct =
          new ArrayList<>(
              batch.stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          Row::recco, x -> x, (a, b) -> a, LinkedHashMap::new))
                  .values());
      JsonNode r =
          api.ok(
              "/v1/audio-features?ids="
                  + String.join(",", distinct.stream().map(Row::recco).toList()));
      assertThat(r.get("content")).hasSize(distinct.size());
      for (int i = 0; i < distinct.size(); i++) {
        Row x = distinct.get(i);
        JsonNode f = r.get("content").get(i);
        assertThat(f.get("id").asString()).isEqualTo(x.recco());
        assertThat(f.get("tempo").asDouble()).as(x.name()).isCloseTo(x.tempo(), within(1e-9));
        assertThat(f.get("energy").asDouble()).isCloseTo(x.energy(), within(1e-9));
        assertThat(f.get("acousticness").asDouble()).isCloseTo(x.acousticness(), within(1e-9));
        assertThat(f.get("key").asInt()).as(x.name()).isEqualTo(x.key());
        assertThat(f.get("mode").asInt()).isEqualTo(x.mode());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(300);
    // "Do I Wanna Know?" by its ReccoBeats id in the path (spec §2.4 spot check)
    JsonNode dIWK = api.ok("/v1/track/de5f8816-bde0-4123-9cdd-b0b13d921386/audio-features");
    assertThat(dIWK.get("tempo").asDouble()).isEqualTo(85.03);
    assertThat(dIWK.get("energy").asDouble()).isEqualTo(0.532);
    assertThat(dIWK.get("valence").asDouble()).isEqualTo(0.405);
    assertThat(dIWK.get("href").asString())
        .isEqualTo("https://open.spotify.com/track/5FVd6KXrgO9B3JPmC8OPst");

    // exported without features (NA): left out of the batch, 404 on the single endpoint
    List<Row> none = rows.stream().filter(x -> x.tempo() == null).toList();
    assertThat(none).isNotEmpty();
    String spotifyIds = String.join(",", none.stream().map(Row::spotifyId).distinct().toList());
    assertThat(api.ok("/v1/audio-features?ids=" + spotifyIds).get("content")).isEmpty();
    String uuid =
        api.ok("/v1/track?ids=" + none.get(0).spotifyId())
            .get("content")
            .get(0)
            .get("id")
            .asString();
    String path = "/v1/track/" + uuid + "/audio-features";
    assertError(api.get(path), 404, 4041, path, uuid);
  }

  @Test
  void searchAndArtistListingsCoverTheRealCatalog() throws Exception {
    JsonNode found = api.ok("/v1/track/search?searchText=do%20I%20WANNA&size=50");
    assertThat(column(found, "trackTitle")).contains("Do I Wanna Know?");
    assertThat(column(found, "trackTitle")).allMatch(t -> fold(t).contains("do i wanna"));

    JsonNode artists = api.ok("/v1/artist/search?searchText=ARCTIC%20monkeys");
    assertThat(column(artists, "name")).containsExactly("Arctic Monkeys");
    String artistId = artists.get("content").get(0).get("id").asString();
    long arcticInExport =
        rows.stream()
            .filter(x -> x.artist().equals("Arctic Monkeys"))
            .map(Row::spotifyId)
            .distinct()
            .count();
    JsonNode tracks = api.ok("/v1/artist/" + artistId + "/track?size=50");
    // every track of the export, plus those spotify_songs adds
    assertThat(tracks.get("totalElements").asLong()).isGreaterThanOrEqualTo(arcticInExport);
    long total = tracks.get("totalElements").asLong();
    assertPage(tracks, 0, 50, total, (int) ((total + 49) / 50));
    List<String> titles = column(tracks, "trackTitle");
    assertThat(titles).isSortedAccordingTo(Comparator.comparing(ReccoBeatsRealDataTest::fold));

    // the album "The Car" in disc and track order
    JsonNode albums = api.ok("/v1/artist/" + artistId + "/album?size=50");
    String theCar = null;
    for (JsonNode a : albums.get("content")) {
      if (a.get("name").asString().equals("The Car")) {
        theCar = a.get("id").asString();
      }
    }
    assertThat(theCar).isNotNull();
    List<String> expected =
        rows.stream()
            .filter(x -> x.artist().equals("Arctic Monkeys") && x.album().equals("The Car"))
            .sorted(Comparator.comparingInt(Row::disc).thenComparingInt(Row::number))
            .map(Row::name)
            .toList();
    List<String> listed = column(api.ok("/v1/album/" + theCar + "/track"), "trackTitle");
    assertThat(listed.stream().filter(expected::contains).toList())
        .containsExactlyElementsOf(expected);
    JsonNode album = api.ok("/v1/album/" + theCar);
    assertThat(album.get("releaseDate").asString()).isEqualTo("2022-10-21T00:00:00");
    assertThat(album.get("releaseDateFormat").asString()).isEqualTo("day");
    assertThat(album.get("totalTracks").asInt()).isEqualTo(listed.size());
  }

  @Test
  void realObjectsHaveTheCapturedShapes() throws Exception {
    String dIWK = "de5f8816-bde0-4123-9cdd-b0b13d921386";
    JsonNode track = api.ok("/v1/track/" + dIWK);
    assertSameShape(track, capture("capture_artist-tracks.json").get("content"), "isrc");
    JsonNode artist = track.get("artists").get(0);
    assertSameShape(artist, capture("capture_search-by-artist-name.json").get("content"));
    JsonNode album = api.ok("/v1/album/search?searchText=AM&size=50").get("content").get(0);
    assertSameShape(
        album, capture("capture_search-albums-by-genre.json").get("content"), "upc", "label");
    // an album from spotify_songs: a Spotify id, a year
    JsonNode dance = api.ok("/v1/album?ids=0UywfDKYlyiu1b38DRrzYD").get("content").get(0);
    assertThat(dance.get("href").asString())
        .isEqualTo("https://open.spotify.com/album/0UywfDKYlyiu1b38DRrzYD");
    assertThat(dance.get("releaseDate").asString()).isEqualTo("2019-01-01T00:00:00");
    assertThat(dance.get("releaseDateFormat").asString()).isEqualTo("year");
  }

  @Test
  void recommendationsFromRealSeedsHaveTheCapturedShape() throws Exception {
    String dIWK = "de5f8816-bde0-4123-9cdd-b0b13d921386";
    Row other =
        withFeatures().stream()
            .filter(x -> x.artist().equals("Arctic Monkeys") && !x.recco().equals(dIWK))
            .findFirst()
            .orElseThrow();
    Row swift =
        withFeatures().stream()
            .filter(x -> x.artist().equals("Taylor Swift"))
            .findFirst()
            .orElseThrow();
    // a ReccoBeats id and a Spotify id, repeated; below the other way round, comma-separated
    String path =
        "/v1/track/recommendation?size=20&seeds="
            + dIWK
            + "&seeds="
            + other.spotifyId()
            + "&negativeSeeds="
            + swift.recco();
    JsonNode r = api.ok(path);
    JsonNode captured = capture("capture_track-recommendation.json");
    assertThat(HttpJson.shape(r).keySet())
        .containsExactlyElementsOf(HttpJson.shape(captured).keySet());
    assertThat(r.get("content")).hasSize(20);
    for (JsonNode t : r.get("content")) {
      assertSameShape(t, captured.get("content"), "isrc");
    }
    assertThat(column(r, "id")).doesNotContain(dIWK, other.recco(), swift.recco());
    assertThat(api.ok(path)).isEqualTo(r);
    assertThat(
            column(
                api.ok(
                    "/v1/track/recommendation?size=20&seeds="
                        + other.recco()
                        + ","
                        + dIWK
                        + "&negativeSeeds="
                        + swift.spotifyId()),
                "id"))
        // features only, two seeds: their mean, hence the list, does not depend on their order
        .containsExactlyElementsOf(column(r, "id"));

    // an energy target lifts the energy of what comes back
    String seeds = "/v1/track/recommendation?size=20&seeds=" + dIWK;
    assertThat(meanEnergy(api.ok(seeds + "&energy=1&featureWeight=5")))
        .isGreaterThan(meanEnergy(api.ok(seeds)));
    assertError(
        api.get("/v1/track/recommendation?seeds=00000000000000000000aa"),
        400,
        4002,
        "/v1/track/recommendation",
        "Cannot find any track for given seed ids");
  }

  private double meanEnergy(JsonNode tracks) throws Exception {
    JsonNode f = api.ok("/v1/audio-features?ids=" + String.join(",", column(tracks, "id")));
    double sum = 0;
    for (JsonNode x : f.get("content")) {
      sum += x.get("energy").asDouble();
    }
    return sum / f.get("content").size();
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }
}

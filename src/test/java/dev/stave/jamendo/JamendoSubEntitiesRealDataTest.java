package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.cli.StaveCommand;
import dev.stave.testsupport.RealData;
import dev.stave.testsupport.RealData.MtgRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
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
 * The entity/subentity methods on the real MTG-Jamendo mood/theme catalog (18,486 tracks with their
 * real track, album and artist ids and tags), loaded with {@code stave import} before the server
 * starts; expectations are computed from the file itself. Skipped, with a message, when the shared
 * data folder is absent.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoSubEntitiesRealDataTest {
  @TempDir static Path dataDir;
  static List<MtgRow> rows;

  @BeforeAll
  static void importCatalog() {
    Path file = RealData.require(RealData.MTG_MOODTHEME);
    rows = RealData.mtgRows(file);
    int exit =
        StaveCommand.run(
            "import",
            "mtg-jamendo",
            file.toString(),
            "--data",
            dataDir.toString(),
            "--no-progress");
    assertThat(exit).isZero();
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;

  private final JsonMapper json = JsonMapper.builder().build();

  private JsonNode results(String method, String query) throws Exception {
    String clientId = apps.create("real data " + method).clientId();
    String body = new JamendoHttp(port).get(method + "/", clientId, query);
    JsonNode doc = json.readTree(body);
    assertThat(doc.get("headers").get("code").asInt()).as(body).isZero();
    return doc;
  }

  private static List<String> childIds(JsonNode parent, String key) {
    List<String> out = new ArrayList<>();
    parent.get(key).forEach(c -> out.add(c.get("id").asString()));
    return out;
  }

  /** The group with the most rows under 150 (so that it fits the cap), ties by smaller id. */
  private static long biggest(Function<MtgRow, Long> key) {
    Map<Long, Long> counts =
        rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    return counts.entrySet().stream()
        .filter(e -> e.getValue() < 150)
        .max(
            Comparator.comparingLong(Map.Entry<Long, Long>::getValue)
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
  }

  private static List<String> trackIds(Function<MtgRow, Long> key, long id) {
    return rows.stream()
        .filter(r -> key.apply(r) == id)
        .map(MtgRow::trackId)
        .sorted()
        .map(String::valueOf)
        .toList();
  }

  @Test
  void anAlbumListsEveryTrackOfTheFile() throws Exception {
    long album = biggest(MtgRow::albumId);
    List<String> expected = trackIds(MtgRow::albumId, album);
    assertThat(expected).hasSizeGreaterThan(5);
    JsonNode a = results("albums/tracks", "&id=" + album).get("results").get(0);
    // the data set has no track positions: album order falls back to track ids
    assertThat(childIds(a, "tracks")).containsExactlyElementsOf(expected);
  }

  @Test
  void anArtistListsEveryTrackOfTheFileAndTrackNameOrdersThem() throws Exception {
    long artist = biggest(MtgRow::artistId);
    List<String> expected = trackIds(MtgRow::artistId, artist);
    JsonNode a = results("artists/tracks", "&id=" + artist).get("results").get(0);
    assertThat(childIds(a, "tracks")).containsExactlyElementsOf(expected);
    JsonNode byName =
        results("artists/tracks", "&id=" + artist + "&order=track_id_desc").get("results").get(0);
    assertThat(childIds(byName, "tracks")).containsExactlyElementsOf(expected.reversed());
  }

  @Test
  void aFullPageOfArtistsIsCappedAt400Tracks() throws Exception {
    JsonNode doc = results("artists/tracks", "&limit=200&fullcount=true");
    assertThat(doc.get("headers").get("results_count").asInt()).isEqualTo(200);
    Set<Long> artists = new TreeSet<>();
    rows.forEach(r -> artists.add(r.artistId()));
    assertThat(doc.get("headers").get("results_fullcount").asLong()).isEqualTo(artists.size());
    int nested = 0;
    for (JsonNode a : doc.get("results")) {
      nested += a.get("tracks").size();
    }
    assertThat(nested).isEqualTo(400);
  }

  @Test
  void musicinfoTagSelectsTheArtistsWithSuchTracks() throws Exception {
    Set<Long> expected = new TreeSet<>();
    rows.stream()
        .filter(r -> r.tags().stream().anyMatch(t -> t.name().equals("happy")))
        .forEach(r -> expected.add(r.artistId()));
    JsonNode doc = results("artists/musicinfo", "&tag=happy&limit=200&fullcount=1");
    assertThat(doc.get("headers").get("results_fullcount").asLong()).isEqualTo(expected.size());
    JsonNode first = doc.get("results").get(0);
    assertThat(first.get("id").asLong()).isEqualTo(expected.iterator().next());
    List<String> tags = new ArrayList<>();
    first.get("musicinfo").get("tags").forEach(t -> tags.add(t.asString()));
    assertThat(tags).contains("happy");
  }
}

package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Location;
import dev.stave.search.SearchIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * {@code artists/locations} with several location conditions at once: country, city and distance
 * must all hold for one location of the artist, not each for some location. The catalog has artists
 * based in two places, and two cities called Paris.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoArtistLocationsTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;
  @Autowired SearchIndex index;

  private String clientId;

  private static final Location PARIS = new Location("FRA", null, "Paris", 48.8566, 2.3522);
  private static final Location BERLIN = new Location("DEU", null, "Berlin", 52.52, 13.405);
  private static final Location LYON = new Location("FRA", null, "Lyon", 45.764, 4.8357);
  private static final Location PARIS_TEXAS = new Location("USA", "TX", "Paris", 33.6609, -95.5555);
  private static final Location BERLIN_NO_POINT = new Location("DEU", null, "berlin", null, null);

  private static Artist artist(long id, String name, List<Location> where) {
    return new Artist(
        id, null, name, null, null, LocalDate.of(2015, 1, 1), null, null, 0, where, null);
  }

  @BeforeEach
  void catalog() {
    clientId = apps.create("artist locations test").clientId();
    store.write(
        new CatalogBatch(
            List.of(
                artist(1, "Ana", List.of(PARIS, BERLIN)),
                artist(2, "Cara", List.of(LYON)),
                artist(3, "Dora", List.of(BERLIN_NO_POINT)),
                artist(4, "Emil", List.of()),
                artist(5, "Faro", List.of(PARIS_TEXAS))),
            List.of(),
            List.of()));
    index.catchUp();
  }

  private JsonNode doc(String query) throws Exception {
    return new JamendoHttp(port).method("artists/locations", clientId, query);
  }

  /** Each artist of the answer as "id:[city/country of each listed location]". */
  private List<String> answer(String query) throws Exception {
    JsonNode doc = doc(query + "&order=id");
    assertThat(doc.get("headers").get("code").asInt()).as(doc.toString()).isZero();
    List<String> out = new ArrayList<>();
    for (JsonNode artist : doc.get("results")) {
      List<String> where = new ArrayList<>();
      artist
          .get("locations")
          .forEach(
              l ->
                  where.add(
                      l.get("id").asString()
                          + "="
                          + l.get("city").asString()
                          + "/"
                          + l.get("country").asString()));
      out.add(artist.get("id").asString() + ":" + where);
    }
    return out;
  }

  @Test
  void countryAndCityMustBeThoseOfOneLocation() throws Exception {
    // Ana is based in France and in Berlin, but not in a Berlin in France
    assertThat(answer("&location_country=FRA&location_city=Berlin")).isEmpty();
    assertThat(answer("&location_country=DEU&location_city=BERLIN"))
        .containsExactly("1:[2=Berlin/DEU]", "3:[1=berlin/DEU]");
    assertThat(answer("&location_city=paris"))
        .containsExactly("1:[1=Paris/FRA]", "5:[1=Paris/USA]");
    assertThat(answer("&location_country=FRA&location_city=Paris"))
        .containsExactly("1:[1=Paris/FRA]");
    assertThat(answer("&location_country=USA+FRA&location_city=Paris"))
        .containsExactly("1:[1=Paris/FRA]", "5:[1=Paris/USA]");
    assertThat(answer("&location_country=FRA"))
        .containsExactly("1:[1=Paris/FRA]", "2:[1=Lyon/FRA]");
  }

  @Test
  void distanceIsMeasuredFromTheLocationThatMeetsTheOtherConditions() throws Exception {
    String nearParis = "&location_coords=48.85_2.35&location_radius=10";
    assertThat(answer(nearParis)).containsExactly("1:[1=Paris/FRA]");
    // Ana has a location in Germany and one near Paris, but no German location near Paris
    assertThat(answer(nearParis + "&location_country=DEU")).isEmpty();
    assertThat(answer("&location_coords=52.5_13.4&location_radius=10&location_city=Paris"))
        .isEmpty();
    // Dora's Berlin has no coordinates: it cannot be within a distance of anything
    assertThat(answer("&location_coords=52.5_13.4&location_radius=10&location_country=DEU"))
        .containsExactly("1:[2=Berlin/DEU]");
    // Lyon is about 390 km from Paris
    assertThat(answer("&location_coords=48.85_2.35&location_radius=500&location_country=FRA"))
        .containsExactly("1:[1=Paris/FRA]", "2:[1=Lyon/FRA]");
    assertThat(
            answer(
                "&location_coords=48.85_2.35&location_radius=500&location_country=FRA"
                    + "&location_city=Lyon"))
        .containsExactly("2:[1=Lyon/FRA]");
  }

  @Test
  void withoutLocationConditionsEveryLocationIsListed() throws Exception {
    assertThat(answer("&haslocation=true"))
        .containsExactly(
            "1:[1=Paris/FRA, 2=Berlin/DEU]",
            "2:[1=Lyon/FRA]",
            "3:[1=berlin/DEU]",
            "5:[1=Paris/USA]");
    assertThat(answer("&id=4")).containsExactly("4:[]");
  }

  @Test
  void fullcountCountsArtistsWithOneMatchingLocation() throws Exception {
    JsonNode none = doc("&location_country=FRA&location_city=Berlin&fullcount=true");
    assertThat(none.get("headers").get("results_fullcount").asInt()).isZero();
    JsonNode two = doc("&location_city=Paris&fullcount=true&limit=1");
    assertThat(two.get("headers").get("results_count").asInt()).isEqualTo(1);
    assertThat(two.get("headers").get("results_fullcount").asInt()).isEqualTo(2);
  }
}

package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Feed;
import dev.stave.testsupport.StaveWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v3.0/feeds}: active items only, filters, order and the wire shape of §7.8. */
// Shares the plain @StaveWebTest server (see StaveWebTest): no other class there writes feeds.
@StaveWebTest
class JamendoFeedsTest {
  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String clientId;

  private static final LocalDateTime PAST = LocalDateTime.of(2020, 1, 1, 0, 0);
  private static final LocalDateTime FUTURE = LocalDateTime.of(2999, 12, 31, 23, 59, 59);

  private static Feed feed(
      long id,
      String type,
      int position,
      List<String> langs,
      String target,
      LocalDateTime start,
      LocalDateTime end) {
    return new Feed(
        id,
        type,
        Map.of("en", "Title " + id, "fr", "Titre " + id),
        Map.of("en", "<p>Text " + id + "</p>"),
        Map.of(),
        "https://example.org/feed/" + id,
        position,
        langs,
        start,
        end,
        target,
        "album".equals(type) ? 4200L + id : null,
        id == 1 ? "https://img.example/feeds/1.jpg" : null);
  }

  @BeforeEach
  void setUp() {
    clientId = apps.create("feeds test").clientId();
    store.write(
        EditorialTables.FEEDS,
        List.of(
            feed(1, "album", 3, List.of("en", "fr"), null, PAST, FUTURE),
            feed(2, "news", 1, List.of("en"), "logged", PAST, null),
            feed(3, "artist", 2, List.of("fr"), "notlogged", null, FUTURE),
            feed(4, "album", 0, List.of("en"), null, PAST, LocalDateTime.of(2021, 1, 1, 0, 0)),
            feed(5, "news", 0, List.of("en"), null, LocalDateTime.of(2998, 1, 1, 0, 0), FUTURE)));
  }

  private JsonNode get(String query) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + "/v3.0/feeds/?client_id=" + clientId + query))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(r.body());
  }

  private static List<String> ids(JsonNode doc) {
    List<String> out = new ArrayList<>();
    doc.get("results").forEach(f -> out.add(f.get("id").asString()));
    return out;
  }

  @Test
  void onlyActiveItemsInPositionOrderByDefault() throws Exception {
    JsonNode doc = get("");
    assertThat(doc.get("headers").get("code").asInt()).isZero();
    assertThat(ids(doc)).containsExactly("2", "3", "1"); // 4 has ended, 5 has not started
  }

  @Test
  void filtersByTypeLanguageAudienceAndId() throws Exception {
    assertThat(ids(get("&type=album+artist"))).containsExactly("3", "1");
    assertThat(ids(get("&lang=fr"))).containsExactly("3", "1");
    assertThat(ids(get("&target=logged"))).containsExactly("2", "1");
    assertThat(ids(get("&target=notlogged"))).containsExactly("3", "1");
    assertThat(ids(get("&id=2"))).containsExactly("2");
    assertThat(ids(get("&order=id_desc"))).containsExactly("3", "2", "1");
    // several orders combine; an open end date sorts after every date
    assertThat(ids(get("&order=date_end_asc+id_desc"))).containsExactly("3", "1", "2");
    assertThat(ids(get("&order=position&offset=1&limit=1"))).containsExactly("3");
  }

  @Test
  void itemsHaveTheWireShape() throws Exception {
    JsonNode f = get("&id=1").get("results").get(0);
    assertThat(f.get("id").isString()).isTrue();
    assertThat(f.get("title").get("fr").asString()).isEqualTo("Titre 1");
    assertThat(f.get("position").asString()).isEqualTo("3");
    assertThat(f.get("lang").size()).isEqualTo(2);
    assertThat(f.get("date_start").asString()).isEqualTo("2020-01-01 00:00:00");
    assertThat(f.get("date_end").asString()).isEqualTo("2999-12-31 23:59:59");
    assertThat(f.get("type").asString()).isEqualTo("album");
    assertThat(f.get("joinid").asString()).isEqualTo("4201");
    assertThat(f.get("subtitle").isArray()).as("an empty language map is []").isTrue();
    assertThat(f.get("target").asString()).isEqualTo("all");
    assertThat(f.get("images").get("size996_350").asString())
        .isEqualTo("https://img.example/feeds/1.jpg?size=996_350");
    assertThat(get("&id=3").get("results").get(0).get("images").get("size315_111").asString())
        .isEmpty();
  }

  @Test
  void badValuesAreTypeErrorsNamingTheParameter() throws Exception {
    JsonNode h = get("&type=album+podcast").get("headers");
    assertThat(h.get("code").asInt()).isEqualTo(3);
    assertThat(h.get("error_message").asString()).contains("'type'").contains("podcast");
    assertThat(get("&lang=xx").get("headers").get("error_message").asString()).contains("'lang'");
    assertThat(get("&target=vip").get("headers").get("code").asInt()).isEqualTo(3);
  }
}

package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.testsupport.StaveWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Jamendo envelope, formats, JSONP, CORS and error codes, seen by an HTTP client. */
// Shares the plain @StaveWebTest server (see StaveWebTest): no other class there writes radios.
@StaveWebTest
class JamendoEnvelopeTest {
  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String clientId;

  @BeforeEach
  void setUp() {
    clientId = apps.create("envelope test").clientId();
    store.write(
        EditorialTables.RADIOS,
        List.of(
            new Radio(
                1, "rock", "Rock", "www", "http://img.example/radios/rock.jpg", List.of("rock")),
            new Radio(2, "jazz", "Jazz & Blues", "www", null, List.of("jazz", "blues")),
            new Radio(3, "lounge", "Lounge", "pro", null, List.of("lounge"))));
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode headers(HttpResponse<String> r) {
    return json.readTree(r.body()).get("headers");
  }

  @Test
  void successEnvelopeHasTheWireTypesAndOrder() throws Exception {
    HttpResponse<String> r = get("/v3.0/radios/?client_id=" + clientId + "&order=name_desc");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .startsWith(
            "{\"headers\":{\"status\":\"success\",\"code\":0,\"error_message\":\"\",\"warnings\":\"\",\"results_count\":2},\"results\":[");
    JsonNode results = json.readTree(r.body()).get("results");
    assertThat(results.get(0).get("name").asString()).isEqualTo("rock");
    assertThat(results.get(0).get("id").isInt()).isTrue();
    assertThat(results.get(1).get("dispname").asString()).isEqualTo("Jazz & Blues");
    // PHP-style escaping of slashes, as Jamendo's backend writes it
    assertThat(r.body())
        .contains("\"image\":\"http:\\/\\/img.example\\/radios\\/rock.jpg?width=150\"");
  }

  @Test
  void pathsWorkWithAndWithoutTrailingSlash() throws Exception {
    assertThat(headers(get("/v3.0/radios?client_id=" + clientId)).get("code").asInt()).isZero();
    assertThat(headers(get("/v3.0/radios/?client_id=" + clientId)).get("code").asInt()).isZero();
  }

  @Test
  void clientIdIsRequiredKnownAndActive() throws Exception {
    JsonNode missing = headers(get("/v3.0/radios/"));
    assertThat(missing.get("status").asString()).isEqualTo("failed");
    assertThat(missing.get("code").asInt()).isEqualTo(4);
    assertThat(missing.get("error_message").asString())
        .isEqualTo("Jamendo Api Required Parameter Error: parameter 'client_id' is required");

    HttpResponse<String> unknown = get("/v3.0/radios/?client_id=deadbeef");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(headers(unknown).get("code").asInt()).isEqualTo(5);
    assertThat(json.readTree(unknown.body()).get("results").size()).isZero();
    assertThat(headers(unknown).get("results_count").asInt()).isZero();

    apps.setState(clientId, App.State.SUSPENDED);
    JsonNode suspended = headers(get("/v3.0/radios/?client_id=" + clientId));
    assertThat(suspended.get("code").asInt()).isEqualTo(11);
    assertThat(suspended.get("error_message").asString())
        .startsWith("Jamendo Api Suspended Application Error: ");
  }

  @Test
  void unknownMethodWrongVerbBadFormatAndBadValues() throws Exception {
    assertThat(headers(get("/v3.0/nothing/?client_id=" + clientId)).get("code").asInt())
        .isEqualTo(7);
    assertThat(headers(get("/v3.0/radios/nothing?client_id=" + clientId)).get("code").asInt())
        .isEqualTo(7);

    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3.0/radios/?client_id=" + clientId))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(headers(post).get("code").asInt()).isEqualTo(2);

    JsonNode badFormat = headers(get("/v3.0/radios/?client_id=" + clientId + "&format=yaml"));
    assertThat(badFormat.get("code").asInt()).isEqualTo(9);
    assertThat(badFormat.get("error_message").asString()).contains("'format'");

    JsonNode badType = headers(get("/v3.0/radios/?client_id=" + clientId + "&type=vip"));
    assertThat(badType.get("code").asInt()).isEqualTo(3);
    assertThat(badType.get("error_message").asString())
        .isEqualTo("Jamendo Api Type Error: parameter 'type' must be one of www, pro; got 'vip'");

    JsonNode badLimit = headers(get("/v3.0/radios/?client_id=" + clientId + "&limit=ten"));
    assertThat(badLimit.get("code").asInt()).isEqualTo(3);
    assertThat(badLimit.get("error_message").asString()).contains("'limit'");
  }

  @Test
  void unknownParametersAndClampedLimitsAreWarnings() throws Exception {
    JsonNode h = headers(get("/v3.0/radios/?client_id=" + clientId + "&colour=blue&limit=500"));
    assertThat(h.get("code").asInt()).isZero();
    assertThat(h.get("warnings").asString())
        .contains("unknown parameter(s) ignored: colour")
        .contains("limit 500 was reduced to the maximum of 200");
  }

  @Test
  void pagingAndFullcount() throws Exception {
    HttpResponse<String> r =
        get("/v3.0/radios/?client_id=" + clientId + "&order=id&limit=1&offset=1&fullcount=true");
    JsonNode doc = json.readTree(r.body());
    assertThat(doc.get("headers").get("results_count").asInt()).isEqualTo(1);
    assertThat(doc.get("headers").get("results_fullcount").asInt()).isEqualTo(2);
    assertThat(doc.get("results").get(0).get("id").asInt()).isEqualTo(2);
    assertThat(get("/v3.0/radios/?client_id=" + clientId + "&type=pro").body())
        .contains("\"name\":\"lounge\"")
        .doesNotContain("\"rock\"");
  }

  @Test
  void prettyXmlAndJsonp() throws Exception {
    HttpResponse<String> pretty = get("/v3.0/radios/?client_id=" + clientId + "&format=jsonpretty");
    assertThat(pretty.body()).contains("\n    \"headers\"");
    assertThat(json.readTree(pretty.body()).get("headers").get("results_count").asInt())
        .isEqualTo(2);

    HttpResponse<String> xml = get("/v3.0/radios/?client_id=" + clientId + "&format=xml&order=id");
    assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    assertThat(xml.body())
        .contains("<jamendo><headers><status>success</status><code>0</code>")
        .contains("<results><radio><id>1</id><name>rock</name>")
        .contains("<dispname>Jazz &amp; Blues</dispname>");

    HttpResponse<String> jsonp =
        get("/v3.0/radios/?client_id=" + clientId + "&callback=app.onRadios");
    assertThat(jsonp.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/javascript");
    assertThat(jsonp.body()).startsWith("app.onRadios({\"headers\":").endsWith("})");

    JsonNode evil = headers(get("/v3.0/radios/?client_id=" + clientId + "&callback=alert(1)"));
    assertThat(evil.get("code").asInt()).isEqualTo(3);

    HttpResponse<String> ignored =
        get("/v3.0/radios/?client_id=" + clientId + "&format=jsonpretty&callback=cb");
    assertThat(ignored.body()).startsWith("{");
    assertThat(headers(ignored).get("warnings").asString()).contains("callback");
  }

  @Test
  void corsHeadersOnEveryResponseAndPreflight() throws Exception {
    HttpResponse<String> r = get("/v3.0/radios/?client_id=" + clientId);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST");
    HttpResponse<String> failed = get("/v3.0/nothing/");
    assertThat(failed.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3.0/tracks/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }
}

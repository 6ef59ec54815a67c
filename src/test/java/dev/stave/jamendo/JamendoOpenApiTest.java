package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoWriteMethod;
import dev.stave.jamendo.openapi.JamendoParameterCatalogue;
import dev.stave.testsupport.StaveWebTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description of the Jamendo dialect ({@code /v3/api-docs/jamendo}) and the
 * documentation page ({@code /docs}): every registered method with every one of its parameters.
 */
// Shares the plain @StaveWebTest server (see StaveWebTest): reads only.
@StaveWebTest
class JamendoOpenApiTest {
  @LocalServerPort int port;
  @Autowired List<JamendoMethod> methods;
  @Autowired List<JamendoWriteMethod> writes;

  private JamendoHttp http;

  @BeforeEach
  void setUp() {
    http = new JamendoHttp(port);
  }

  /**
   * A method added without describing its parameters fails here: describe them in the catalogue.
   */
  @Test
  void everyParameterOfEveryRegisteredMethodIsDescribed() {
    JamendoParameterCatalogue catalogue = new JamendoParameterCatalogue();
    List<String> undescribed = new ArrayList<>();
    for (JamendoMethod m : methods) {
      m.parameters().stream()
          .filter(p -> catalogue.find(m.path(), p).isEmpty())
          .forEach(p -> undescribed.add(m.path() + " " + p));
    }
    for (JamendoWriteMethod w : writes) {
      w.parameters().stream()
          .filter(p -> catalogue.find(w.path(), p).isEmpty())
          .forEach(p -> undescribed.add(w.path() + " " + p));
    }
    assertThat(methods).extracting(JamendoMethod::path).contains("tracks", "radios/stream");
    assertThat(undescribed).as("parameters missing from JamendoParameterCatalogue").isEmpty();
  }

  @Test
  void theApiDescriptionHasEveryMethodWithItsParameters() throws Exception {
    JsonNode api = http.json("/v3/api-docs/jamendo");
    assertThat(api.get("openapi").asString()).startsWith("3.");
    assertThat(api.get("info").get("description").asString())
        .contains("| 4 | Required Parameter |")
        .contains("| 11 | Suspended Application |");
    JsonNode paths = api.get("paths");
    Set<String> expected = new HashSet<>();
    for (JamendoMethod m : methods) {
      String path = "/v3.0/" + m.path();
      expected.add(path);
      JsonNode get = paths.get(path).get("get");
      assertThat(get).as(path).isNotNull();
      Set<String> documented = new HashSet<>();
      get.get("parameters")
          .forEach(
              p -> {
                documented.add(p.get("name").asString());
                assertThat(p.get("in").asString()).isEqualTo("query");
                assertThat(p.get("description").asString())
                    .as(path + " " + p.get("name"))
                    .doesNotContain("Not described");
              });
      Set<String> own = new HashSet<>(m.parameters());
      own.remove("client_id"); // an API key of the whole description
      assertThat(documented).as(path).isEqualTo(own);
    }
    writes.forEach(w -> expected.add("/v3.0/" + w.path()));
    expected.add("/v3.0/oauth/authorize");
    expected.add("/v3.0/oauth/grant");
    Set<String> listed = new HashSet<>();
    paths.propertyNames().forEach(listed::add);
    assertThat(listed).as("the dispatcher's own mapping is hidden").isEqualTo(expected);
    JsonNode key = api.get("components").get("securitySchemes").get("client_id");
    assertThat(key.get("in").asString()).isEqualTo("query");
    assertThat(key.get("name").asString()).isEqualTo("client_id");
  }

  /** A write method registered without its description fails here. */
  @Test
  void everyWriteMethodIsAPostWithItsParametersInTheQueryOrAForm() throws Exception {
    JsonNode paths = http.json("/v3/api-docs/jamendo").get("paths");
    assertThat(writes)
        .extracting(JamendoWriteMethod::path)
        .contains("setuser/fan", "setuser/favorite", "setuser/like", "setuser/unlike");
    for (JamendoWriteMethod w : writes) {
      String path = "/v3.0/" + w.path();
      JsonNode item = paths.get(path);
      assertThat(item).as(path + " is missing from the description").isNotNull();
      assertThat(item.has("get")).as(path).isFalse();
      JsonNode post = item.get("post");
      assertThat(post).as(path).isNotNull();
      Set<String> query = new HashSet<>();
      post.get("parameters").forEach(p -> query.add(p.get("name").asString()));
      Set<String> expected = new HashSet<>(w.parameters());
      expected.removeAll(Set.of("client_id", "access_token")); // both are security schemes
      assertThat(query).as(path).isEqualTo(expected);
      JsonNode content = post.get("requestBody").get("content");
      for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data")) {
        Set<String> fields = new HashSet<>();
        content.get(type).get("schema").get("properties").propertyNames().forEach(fields::add);
        assertThat(fields).as(path + " " + type).isEqualTo(w.parameters());
      }
      List<String> schemes = new ArrayList<>();
      post.get("security").forEach(r -> r.propertyNames().forEach(schemes::add));
      assertThat(schemes).as(path).contains("client_id", "access_token", "bearer", "jamendo_oauth");
      assertThat(post.get("description").asString()).as(path).contains("access_token");
      JsonNode ok = post.get("responses").get("200");
      assertThat(ok.get("description").asString()).contains("12", "13");
    }
    assertThat(paths.get("/v3.0/setuser/unfan").get("post").get("summary").asString())
        .contains("Undo");
  }

  @Test
  void theOAuthEndpointsAndTheirSecuritySchemesAreDescribed() throws Exception {
    JsonNode api = http.json("/v3/api-docs/jamendo");
    JsonNode schemes = api.get("components").get("securitySchemes");
    JsonNode code = schemes.get("jamendo_oauth").get("flows").get("authorizationCode");
    assertThat(code.get("authorizationUrl").asString()).isEqualTo("/v3.0/oauth/authorize");
    assertThat(code.get("tokenUrl").asString()).isEqualTo("/v3.0/oauth/grant");
    assertThat(code.get("scopes").has("music")).isTrue();
    assertThat(schemes.get("access_token").get("in").asString()).isEqualTo("query");
    assertThat(schemes.get("bearer").get("scheme").asString()).isEqualTo("bearer");
    assertThat(schemes.get("client_basic").get("scheme").asString()).isEqualTo("basic");

    JsonNode authorize = api.get("paths").get("/v3.0/oauth/authorize").get("get");
    List<String> params = new ArrayList<>();
    authorize.get("parameters").forEach(p -> params.add(p.get("name").asString()));
    assertThat(params).containsExactlyInAnyOrder("redirect_uri", "scope", "response_type", "state");
    assertThat(authorize.get("responses").has("302")).isTrue();
    assertThat(authorize.get("responses").has("400")).isTrue();

    JsonNode grant = api.get("paths").get("/v3.0/oauth/grant").get("post");
    JsonNode form =
        grant.get("requestBody").get("content").get("application/x-www-form-urlencoded");
    assertThat(form.get("schema").get("properties").propertyNames())
        .contains("grant_type", "client_id", "client_secret", "code", "refresh_token");
    List<String> grantSchemes = new ArrayList<>();
    grant.get("security").forEach(r -> r.propertyNames().forEach(grantSchemes::add));
    assertThat(grantSchemes).containsExactly("client_basic");
    assertThat(grant.get("security").size())
        .as("Basic, or the credentials in the body")
        .isEqualTo(2);
    JsonNode token = api.get("components").get("schemas").get("OAuthToken");
    assertThat(token.get("properties").propertyNames())
        .containsExactly("access_token", "expires_in", "token_type", "scope", "refresh_token");
    assertThat(token.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(
            api.get("components")
                .get("schemas")
                .get("OAuthError")
                .get("properties")
                .propertyNames())
        .containsExactly("error", "error_description");
    for (String status : List.of("200", "400", "401")) {
      assertThat(grant.get("responses").has(status)).as(status).isTrue();
    }
  }

  @Test
  void parametersCarryTheirTypesValuesAndDefaults() throws Exception {
    JsonNode paths = http.json("/v3/api-docs/jamendo").get("paths");
    JsonNode tracks = parameter(paths, "tracks", "type");
    assertThat(tracks.get("schema").get("type").asString()).isEqualTo("array");
    assertThat(tracks.get("style").asString()).isEqualTo("spaceDelimited");
    assertThat(tracks.get("schema").get("items").get("enum").toString())
        .isEqualTo("[\"single\",\"albumtrack\"]");
    assertThat(parameter(paths, "radios/stream", "type").get("schema").get("enum").toString())
        .isEqualTo("[\"www\",\"pro\"]");
    assertThat(parameter(paths, "radios/stream", "type").get("schema").get("default").asString())
        .isEqualTo("www");
    assertThat(parameter(paths, "tracks/file", "id").get("required").asBoolean()).isTrue();
    assertThat(parameter(paths, "tracks/file", "id").get("schema").get("type").asString())
        .isEqualTo("integer");
    assertThat(parameter(paths, "tracks", "fullcount").get("schema").get("type").asString())
        .isEqualTo("boolean");
    assertThat(paths.get("/v3.0/radios/stream").get("get").get("description").asString())
        .contains("`id`, `name`");
  }

  private static JsonNode parameter(JsonNode paths, String method, String name) {
    for (JsonNode p : paths.get("/v3.0/" + method).get("get").get("parameters")) {
      if (p.get("name").asString().equals(name)) {
        return p;
      }
    }
    throw new AssertionError(method + " has no parameter " + name);
  }

  @Test
  void fileMethodsDescribeTheRedirectAndThe404() throws Exception {
    JsonNode paths = http.json("/v3/api-docs/jamendo").get("paths");
    for (String file : List.of("tracks/file", "albums/file", "playlists/file")) {
      JsonNode responses = paths.get("/v3.0/" + file).get("get").get("responses");
      assertThat(responses.get("302").get("headers").has("Location")).as(file).isTrue();
      assertThat(responses.has("404")).as(file).isTrue();
      assertThat(responses.get("200").get("description").asString()).contains("code 3");
    }
    JsonNode envelope =
        paths.get("/v3.0/tracks").get("get").get("responses").get("200").get("content");
    assertThat(envelope.get("application/json").get("schema").get("properties").has("headers"))
        .isTrue();
  }

  @Test
  void theDocumentationPageShowsTheJamendoGroup() throws Exception {
    HttpResponse<String> docs = http.get("/docs");
    assertThat(docs.statusCode()).isEqualTo(302);
    String location = docs.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("swagger-ui/index.html");
    HttpResponse<String> page = http.get(location.replaceFirst("^https?://[^/]+", ""));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    JsonNode config = http.json("/v3/api-docs/swagger-config");
    assertThat(config.get("urls.primaryName").asString()).isEqualTo("jamendo");
    List<String> urls = new ArrayList<>();
    config.get("urls").forEach(u -> urls.add(u.get("url").asString()));
    assertThat(urls).contains("/v3/api-docs/jamendo");
  }
}

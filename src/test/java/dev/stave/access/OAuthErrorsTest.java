package dev.stave.access;

import static dev.stave.access.OAuthBrowser.authorizeQuery;
import static dev.stave.access.OAuthBrowser.codeGrant;
import static dev.stave.access.OAuthBrowser.codeOf;
import static dev.stave.access.OAuthBrowser.json;
import static dev.stave.access.OAuthBrowser.param;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Every way an authorize or grant request can be wrong, through HTTP, and what it must get: the
 * documented OAuth error as JSON with HTTP 400 (401 for a client that fails authentication at the
 * grant), or a redirect to a registered redirect URI where RFC 6749 §4.1.2.1 allows one; never a
 * 500. Also the redirect-URI rule (exact match, RFC 9700 §4.1) against path-escaping tricks.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OAuthErrorsTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  static final String REDIRECT = "http://localhost:1410/cb";
  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger USERS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired Accounts accounts;

  AppRegistry.Issued app() {
    return apps.register("Player", "dev@app.example", App.Plan.READ_WRITE, List.of(REDIRECT));
  }

  String user() {
    String name = "errors" + USERS.incrementAndGet();
    accounts.create(name, name + "@mail.example", PASSWORD);
    return name;
  }

  HttpResponse<String> authorize(String query) throws Exception {
    return new OAuthBrowser(port).get("/v3.0/oauth/authorize?" + query);
  }

  /** A JSON error with HTTP 400 and the documented fields only. */
  static JsonNode jsonError(HttpResponse<String> r, String what) {
    assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/json");
    JsonNode body = json(r);
    assertThat(body.propertyNames()).as(what).containsExactly("error", "error_description");
    assertThat(body.get("error_description").asString()).as(what).isNotBlank();
    return body;
  }

  static void assertJsonError(HttpResponse<String> r, String code, String what) {
    assertThat(jsonError(r, what).get("error").asString()).as(what).isEqualTo(code);
  }

  /** A redirect to exactly the registered URI with {@code error} and {@code state}. */
  static void assertRedirectedError(HttpResponse<String> r, String code, String what) {
    assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(302);
    String back = OAuthBrowser.location(r);
    assertThat(back).as(what).startsWith(REDIRECT + "?");
    assertThat(param(back, "error")).as(what).isEqualTo(code);
    assertThat(param(back, "error_description")).as(what).isNotBlank();
    assertThat(param(back, "state")).as(what).isEqualTo("s");
    assertThat(param(back, "code")).as(what).isNull();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void anAppWithoutARegisteredRedirectUriGetsUnauthorizedClientAsJsonNeverA500() throws Exception {
    String demo = apps.create("demo").clientId(); // what every first start creates
    for (String query :
        List.of(
            "client_id=" + demo,
            "client_id=" + demo + "&response_type=code",
            "client_id=" + demo + "&response_type=code&scope=music&state=s",
            "client_id=" + demo + "&response_type=token&state=s",
            "client_id=" + demo + "&scope=private&state=s",
            "client_id=" + demo + "&redirect_uri=" + enc(REDIRECT) + "&response_type=code",
            "client_id=" + demo + "&redirect_uri=not%20a%20uri&response_type=code",
            "client_id=" + demo + "&code_challenge=abc&code_challenge_method=S256")) {
      assertJsonError(authorize(query), "unauthorized_client", query);
    }
  }

  @Test
  void clientErrorsAreJson() throws Exception {
    AppRegistry.Issued app = app();
    String id = app.app().clientId();
    assertJsonError(authorize("response_type=code&state=s"), "invalid_request", "no client_id");
    assertJsonError(authorize("client_id=&state=s"), "invalid_request", "empty client_id");
    assertJsonError(
        authorize(authorizeQuery("no-such-app", REDIRECT, "s")), "invalid_client", "unknown");
    assertJsonError(
        authorize("client_id=" + id + "&client_id=" + id + "&state=s"),
        "invalid_request",
        "repeated client_id");
    AppRegistry.Issued suspended = app();
    apps.setState(suspended.app().clientId(), App.State.SUSPENDED);
    assertJsonError(
        authorize(authorizeQuery(suspended.app().clientId(), REDIRECT, "s")),
        "invalid_client",
        "suspended");
  }

  @Test
  void redirectUrisMustMatchARegisteredOneExactly() throws Exception {
    String id = app().app().clientId();
    for (String bad :
        List.of(
            REDIRECT + "/%2e%2e/%2e%2e/evil",
            REDIRECT + "/%2E%2E/evil",
            REDIRECT + "/..%2fevil",
            REDIRECT + "/%2e./evil",
            REDIRECT + "%2f..%2fevil",
            REDIRECT + "/..\\evil",
            REDIRECT + "\\..\\evil",
            REDIRECT + "/../evil",
            REDIRECT + "/./",
            REDIRECT + "/",
            REDIRECT + "/sub",
            REDIRECT + "evil",
            REDIRECT + "?next=http://evil.example/",
            "http://localhost:1410/evil",
            "http://localhost:1411/cb",
            "https://localhost:1410/cb",
            "http://127.0.0.1:1410/cb",
            "http://localhost.evil.example:1410/cb",
            "http://user@localhost:1410/cb",
            "//localhost:1410/cb",
            "/cb")) {
      assertJsonError(
          authorize(authorizeQuery(id, bad, "s")), "redirect_uri_mismatch", "redirect_uri=" + bad);
    }
    assertJsonError(
        authorize(authorizeQuery(id, REDIRECT + "#f", "s")), "invalid_uri", "a fragment");
    assertJsonError(
        authorize(
            "client_id="
                + id
                + "&redirect_uri="
                + enc(REDIRECT)
                + "&redirect_uri="
                + enc(REDIRECT)
                + "&state=s"),
        "invalid_request",
        "repeated redirect_uri");
    // the registered URI itself is accepted: the browser goes on to log in
    assertThat(OAuthBrowser.location(authorize(authorizeQuery(id, REDIRECT, "s"))))
        .endsWith("/login");
  }

  @Test
  void requestErrorsOfAKnownClientGoBackToItsRegisteredUri() throws Exception {
    String id = app().app().clientId();
    String base = "client_id=" + id + "&redirect_uri=" + enc(REDIRECT) + "&state=s";
    assertRedirectedError(
        authorize(base + "&response_type=token"), "unsupported_response_type", "token");
    assertRedirectedError(
        authorize(base + "&response_type=nonsense"), "unsupported_response_type", "nonsense");
    assertRedirectedError(authorize(base + "&scope=private"), "invalid_scope", "private scope");
    assertRedirectedError(
        authorize(base + "&scope=music%20openid"), "invalid_scope", "music and openid");
    assertRedirectedError(
        authorize(base + "&code_challenge=abc&code_challenge_method=plain"),
        "invalid_request",
        "PKCE plain");
    assertRedirectedError(
        authorize(base + "&code_challenge=abc&code_challenge_method=MD5"),
        "invalid_request",
        "PKCE unknown method");
    // and without redirect_uri, to the one registered URI
    assertRedirectedError(
        authorize("client_id=" + id + "&state=s&response_type=token"),
        "unsupported_response_type",
        "token, no redirect_uri");
    // a parameter given twice, once the client is known
    for (String twice : List.of("response_type=code", "scope=music", "state=t")) {
      HttpResponse<String> r = authorize(base + "&" + twice + "&" + twice);
      assertThat(r.statusCode()).as(twice + ": " + r.body()).isIn(302, 400);
      if (r.statusCode() == 302) {
        assertThat(OAuthBrowser.location(r)).as(twice).startsWith(REDIRECT + "?error=");
      } else {
        assertJsonError(r, "invalid_request", twice);
      }
    }
  }

  @Test
  void theGrantAnswersRfc6749ErrorsAsJson() throws Exception {
    AppRegistry.Issued app = app();
    OAuthBrowser client = new OAuthBrowser(port);
    Map<String, String> creds =
        Map.of("client_id", app.app().clientId(), "client_secret", app.clientSecret());

    Map<String, String> noCode = new LinkedHashMap<>(creds);
    noCode.put("grant_type", "authorization_code");
    assertJsonError(client.grant(noCode), "invalid_request", "no code");

    Map<String, String> badCode = new LinkedHashMap<>(noCode);
    badCode.put("code", "not-a-code");
    assertJsonError(client.grant(badCode), "invalid_grant", "unknown code");

    Map<String, String> noRefresh = new LinkedHashMap<>(creds);
    noRefresh.put("grant_type", "refresh_token");
    assertJsonError(client.grant(noRefresh), "invalid_request", "no refresh_token");

    HttpResponse<String> empty = client.post("/v3.0/oauth/grant", Map.of());
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(401);
    assertThat(json(empty).get("error").asString()).isEqualTo("invalid_client");
    assertThat(empty.headers().firstValue("WWW-Authenticate")).isPresent();

    HttpResponse<String> wrongBasic =
        client.grantBasic(
            app.app().clientId(), "wrong", Map.of("grant_type", "authorization_code", "code", "x"));
    assertThat(wrongBasic.statusCode()).as(wrongBasic.body()).isEqualTo(401);
    assertThat(json(wrongBasic).get("error").asString()).isEqualTo("invalid_client");
    assertThat(wrongBasic.headers().firstValue("WWW-Authenticate")).isPresent();

    String form = OAuthBrowser.encode(creds) + "&grant_type=authorization_code";
    for (String twice :
        List.of(
            form + "&code=a&code=b",
            form + "&code=a&client_secret=" + enc(app.clientSecret()),
            form + "&code=a&grant_type=refresh_token",
            form + "&code=a&redirect_uri=" + enc(REDIRECT) + "&redirect_uri=" + enc(REDIRECT))) {
      assertJsonError(client.postEncoded("/v3.0/oauth/grant", twice), "invalid_request", twice);
    }

    // an app without redirect URIs may not use the code grant
    AppRegistry.Issued demo =
        apps.register("demo", null, App.Plan.READ_ONLY, List.of()); // as the first start does
    Map<String, String> demoGrant =
        new LinkedHashMap<>(
            Map.of(
                "client_id",
                demo.app().clientId(),
                "client_secret",
                demo.clientSecret(),
                "grant_type",
                "authorization_code",
                "code",
                "x"));
    // (it never has a code to exchange)
    assertJsonError(client.grant(demoGrant), "invalid_grant", "code grant of an app without URIs");

    HttpResponse<String> get = client.get("/v3.0/oauth/grant");
    assertThat(get.statusCode()).as(get.body()).isLessThan(500);
  }

  @Test
  void pkceIsCheckedAtTheGrant() throws Exception {
    AppRegistry.Issued app = app();
    // RFC 7636 appendix B
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String query =
        authorizeQuery(app.app().clientId(), REDIRECT, "s")
            + "&code_challenge="
            + challenge
            + "&code_challenge_method=S256";
    OAuthBrowser client = new OAuthBrowser(port);
    String user = user();

    String noVerifier = codeOf(new OAuthBrowser(port).authorize(query, user, PASSWORD, true));
    assertJsonError(
        client.grant(codeGrant(app, noVerifier, REDIRECT)), "invalid_grant", "no code_verifier");

    String wrong = codeOf(new OAuthBrowser(port).authorize(query, user, PASSWORD, true));
    Map<String, String> wrongVerifier = new LinkedHashMap<>(codeGrant(app, wrong, REDIRECT));
    wrongVerifier.put("code_verifier", verifier.replace('d', 'e'));
    assertJsonError(client.grant(wrongVerifier), "invalid_grant", "wrong code_verifier");

    String right = codeOf(new OAuthBrowser(port).authorize(query, user, PASSWORD, true));
    Map<String, String> rightVerifier = new LinkedHashMap<>(codeGrant(app, right, REDIRECT));
    rightVerifier.put("code_verifier", verifier);
    HttpResponse<String> ok = client.grant(rightVerifier);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }
}

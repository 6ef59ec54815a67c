package dev.stave.access;

import static dev.stave.access.OAuthBrowser.authorizeQuery;
import static dev.stave.access.OAuthBrowser.codeGrant;
import static dev.stave.access.OAuthBrowser.codeOf;
import static dev.stave.access.OAuthBrowser.json;
import static dev.stave.access.OAuthBrowser.param;
import static dev.stave.access.OAuthBrowser.refreshGrant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.MutableClock;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth2 authorization-code flow at the Jamendo paths (spec §10), through HTTP as a browser and
 * an app perform it: authorize, Stave's login and consent pages, grant, refresh, revocation, and
 * the ways each step must fail.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OAuthFlowTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock oauthClock() {
      return new MutableClock(Instant.now());
    }
  }

  static final String REDIRECT = "https://app.example/callback/";
  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger USERS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired Accounts accounts;
  @Autowired Clock clock;

  /**
   * The clock starts each test at the real time: Spring checks a code's 30 s against the real
   * clock, so a clock left where the context started would expire every code on a slow machine.
   */
  @BeforeEach
  void clockAtRealTime() {
    ((MutableClock) clock).set(Instant.now());
  }

  /** A new read-write app with one redirect URI. */
  AppRegistry.Issued app() {
    return apps.register("Player", "dev@app.example", App.Plan.READ_WRITE, List.of(REDIRECT));
  }

  /** A new user; returns its login name. */
  String user() {
    String name = "listener" + USERS.incrementAndGet();
    accounts.create(name, name + "@mail.example", PASSWORD);
    return name;
  }

  /** A code for a new session of {@code user}, with {@code redirect} sent to authorize. */
  String code(AppRegistry.Issued app, String user, String redirect) throws Exception {
    OAuthBrowser browser = new OAuthBrowser(port);
    String back =
        browser.authorize(
            authorizeQuery(app.app().clientId(), redirect, "s1"), user, PASSWORD, true);
    assertThat(back).startsWith(redirect == null ? REDIRECT : redirect);
    assertThat(param(back, "state")).isEqualTo("s1");
    return codeOf(back);
  }

  JsonNode tokens(AppRegistry.Issued app, String user) throws Exception {
    return new OAuthBrowser(port).tokens(app, user, PASSWORD, REDIRECT);
  }

  /** The user id a token reads as its own through {@code users?access_token=}. */
  JsonNode me(String clientId, String token) throws Exception {
    return json(
        new OAuthBrowser(port).get("/v3.0/users?client_id=" + clientId + "&access_token=" + token));
  }

  static int code(JsonNode envelope) {
    return envelope.get("headers").get("code").asInt();
  }

  @Test
  void theCodeGrantAnswersExactlyTheFiveDocumentedFieldsAndTheTokenIsTheUsers() throws Exception {
    AppRegistry.Issued app = app();
    String user = user();
    JsonNode t = tokens(app, user);
    assertThat(t.propertyNames())
        .containsExactly("access_token", "expires_in", "token_type", "scope", "refresh_token");
    assertThat(t.get("expires_in").asInt()).isEqualTo(7200);
    assertThat(t.get("token_type").asString()).isEqualTo("bearer");
    assertThat(t.get("scope").asString()).isEqualTo("music");
    JsonNode me = me(app.app().clientId(), t.get("access_token").asString());
    assertThat(code(me)).isZero();
    assertThat(me.get("results").get(0).get("name").asString()).isEqualTo(user);
  }

  @Test
  void redirectUriMayBeLeftOutWhenOneIsRegisteredAndHttpBasicAuthenticatesTheClient()
      throws Exception {
    AppRegistry.Issued app = app();
    String code = code(app, user(), null);
    HttpResponse<String> r =
        new OAuthBrowser(port)
            .grantBasic(
                app.app().clientId(),
                app.clientSecret(),
                Map.of("grant_type", "authorization_code", "code", code));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("token_type").asString()).isEqualTo("bearer");
  }

  @Test
  void theOAuthPathsTakeATrailingSlashAndTheGrantCarriesJamendosCorsHeaders() throws Exception {
    AppRegistry.Issued app = app();
    OAuthBrowser browser = new OAuthBrowser(port);
    HttpResponse<String> authorize =
        browser.get(
            "/v3.0/oauth/authorize/?" + authorizeQuery(app.app().clientId(), REDIRECT, "t"));
    assertThat(OAuthBrowser.location(authorize)).endsWith("/login");
    HttpResponse<String> r =
        browser.post("/v3.0/oauth/grant/", codeGrant(app, code(app, user(), REDIRECT), REDIRECT));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("token_type").asString()).isEqualTo("bearer");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void aCodeWorksOnceAndItsReuseRevokesWhatItGave() throws Exception {
    AppRegistry.Issued app = app();
    String redirect = REDIRECT;
    String code = code(app, user(), redirect);
    OAuthBrowser client = new OAuthBrowser(port);
    HttpResponse<String> first = client.grant(codeGrant(app, code, redirect));
    assertThat(first.statusCode()).isEqualTo(200);
    String token = json(first).get("access_token").asString();
    assertThat(code(me(app.app().clientId(), token))).isZero();

    HttpResponse<String> again = client.grant(codeGrant(app, code, redirect));
    assertThat(again.statusCode()).isEqualTo(400);
    JsonNode error = json(again);
    assertThat(error.propertyNames()).containsExactly("error", "error_description");
    assertThat(error.get("error").asString()).isEqualTo("invalid_grant");
    assertThat(error.get("error_description").asString())
        .isEqualTo("Authorization code doesn't exist or is invalid for the client");
    assertThat(code(me(app.app().clientId(), token))).isEqualTo(12);
  }

  @Test
  void aCodePastItsThirtySecondsIsRefused() throws Exception {
    AppRegistry.Issued app = app();
    MutableClock mutable = (MutableClock) clock;
    Instant now = Instant.now();
    mutable.set(now.minusSeconds(31)); // the code is issued 31 s ago
    String code;
    try {
      code = code(app, user(), REDIRECT);
    } finally {
      mutable.set(now);
    }
    HttpResponse<String> r = new OAuthBrowser(port).grant(codeGrant(app, code, REDIRECT));
    assertThat(json(r).get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void aCodeIsRefusedToAnotherClientAndToAnotherRedirectUri() throws Exception {
    AppRegistry.Issued app =
        apps.register(
            "Player",
            null,
            App.Plan.READ_WRITE,
            List.of(REDIRECT + "a", REDIRECT + "b", REDIRECT + "c"));
    AppRegistry.Issued other = app();
    String code = code(app, user(), REDIRECT + "a");
    OAuthBrowser client = new OAuthBrowser(port);
    assertThat(json(client.grant(codeGrant(other, code, REDIRECT + "a"))).get("error").asString())
        .isEqualTo("invalid_grant");

    String code2 = code(app, user(), REDIRECT + "b");
    assertThat(json(client.grant(codeGrant(app, code2, REDIRECT + "c"))).get("error").asString())
        .isEqualTo("invalid_grant");
  }

  @Test
  void aWrongSecretOrNoCredentialsIsInvalidClient() throws Exception {
    AppRegistry.Issued app = app();
    String code = code(app, user(), REDIRECT);
    OAuthBrowser client = new OAuthBrowser(port);
    Map<String, String> form = new java.util.LinkedHashMap<>(codeGrant(app, code, REDIRECT));
    form.put("client_secret", "not-the-secret");
    HttpResponse<String> wrong = client.grant(form);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong).get("error").asString()).isEqualTo("invalid_client");
    form.remove("client_secret");
    HttpResponse<String> none = client.grant(form);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(json(none).get("error").asString()).isEqualTo("invalid_client");
    // the code was not spent by the failed attempts
    assertThat(client.grant(codeGrant(app, code, REDIRECT)).statusCode()).isEqualTo(200);
  }

  @Test
  void unsupportedAndMissingGrantTypesUseTheDocumentedNames() throws Exception {
    AppRegistry.Issued app = app();
    OAuthBrowser client = new OAuthBrowser(port);
    JsonNode unsupported =
        json(
            client.grant(
                Map.of(
                    "client_id", app.app().clientId(),
                    "client_secret", app.clientSecret(),
                    "grant_type", "password")));
    assertThat(unsupported.get("error").asString()).isEqualTo("unsupported_grant_type");
    assertThat(unsupported.get("error_description").asString())
        .isEqualTo("Grant type password is not supported");
    JsonNode missing =
        json(
            client.grant(
                Map.of("client_id", app.app().clientId(), "client_secret", app.clientSecret())));
    assertThat(missing.get("error").asString()).isEqualTo("invalid_request");
    assertThat(missing.get("error_description").asString())
        .isEqualTo("The grant type was not specified in the request");
  }

  @Test
  void authorizeAnswersClientAndRedirectUriErrorsAsJsonAndNeverRedirectsThem() throws Exception {
    AppRegistry.Issued app = app();
    OAuthBrowser browser = new OAuthBrowser(port);
    HttpResponse<String> unknown =
        browser.get("/v3.0/oauth/authorize?" + authorizeQuery("nope", REDIRECT, "s"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").asString()).isEqualTo("invalid_client");

    for (String bad :
        List.of(
            "https://evil.example/callback/",
            "https://app.example/other",
            "https://app.example.evil.example/callback/",
            "https://app.example/callback/../admin",
            "http://app.example/callback/")) {
      HttpResponse<String> r =
          browser.get("/v3.0/oauth/authorize?" + authorizeQuery(app.app().clientId(), bad, "s"));
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(r).get("error").asString()).as(bad).isEqualTo("redirect_uri_mismatch");
    }
    HttpResponse<String> fragment =
        browser.get(
            "/v3.0/oauth/authorize?"
                + authorizeQuery(app.app().clientId(), REDIRECT + "x#frag", "s"));
    assertThat(json(fragment).get("error").asString()).isEqualTo("invalid_uri");

    // other errors go back to the app, with the state
    HttpResponse<String> scope =
        browser.get(
            "/v3.0/oauth/authorize?client_id=" + app.app().clientId() + "&scope=private&state=s9");
    String back = OAuthBrowser.location(scope);
    assertThat(back).startsWith(REDIRECT);
    assertThat(param(back, "error")).isEqualTo("invalid_scope");
    assertThat(param(back, "state")).isEqualTo("s9");
  }

  @Test
  void scopeAndResponseTypeDefaultToMusicAndCode() throws Exception {
    AppRegistry.Issued app = app();
    OAuthBrowser browser = new OAuthBrowser(port);
    String back =
        browser.authorize("client_id=" + app.app().clientId() + "&state=d", user(), PASSWORD, true);
    HttpResponse<String> r = browser.grant(codeGrant(app, codeOf(back), null));
    assertThat(json(r).get("scope").asString()).isEqualTo("music");
  }

  @Test
  void aUserWhoDeniesSendsAccessDeniedBack() throws Exception {
    AppRegistry.Issued app = app();
    String back =
        new OAuthBrowser(port)
            .authorize(
                authorizeQuery(app.app().clientId(), REDIRECT, "no"), user(), PASSWORD, false);
    assertThat(back).startsWith(REDIRECT + "?");
    assertThat(param(back, "error")).isEqualTo("access_denied");
    assertThat(URLDecoder.decode(param(back, "error_description"), StandardCharsets.UTF_8))
        .isEqualTo("The user denied access to the application");
    assertThat(param(back, "state")).isEqualTo("no");
    assertThat(param(back, "code")).isNull();
  }

  @Test
  void everyRefreshRotatesTheRefreshTokenAndTheOldOneStopsWorking() throws Exception {
    AppRegistry.Issued app = app();
    JsonNode t = tokens(app, user());
    OAuthBrowser client = new OAuthBrowser(port);
    String refresh1 = t.get("refresh_token").asString();
    HttpResponse<String> r1 = client.grant(refreshGrant(app, refresh1));
    assertThat(r1.statusCode()).as(r1.body()).isEqualTo(200);
    JsonNode t2 = json(r1);
    assertThat(t2.propertyNames())
        .containsExactly("access_token", "expires_in", "token_type", "scope", "refresh_token");
    String refresh2 = t2.get("refresh_token").asString();
    assertThat(refresh2).isNotEqualTo(refresh1);
    assertThat(t2.get("access_token").asString()).isNotEqualTo(t.get("access_token").asString());
    assertThat(code(me(app.app().clientId(), t.get("access_token").asString()))).isEqualTo(12);
    assertThat(code(me(app.app().clientId(), t2.get("access_token").asString()))).isZero();

    HttpResponse<String> reused = client.grant(refreshGrant(app, refresh1));
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(json(reused).get("error").asString()).isEqualTo("invalid_grant");
    assertThat(json(reused).get("error_description").asString())
        .isEqualTo("Refresh token doesn't exist or is invalid for the client");

    // JamendoR: client credentials as HTTP Basic, only grant_type and refresh_token in the body
    HttpResponse<String> basic =
        client.grantBasic(
            app.app().clientId(),
            app.clientSecret(),
            Map.of("grant_type", "refresh_token", "refresh_token", refresh2));
    assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
  }

  @Test
  void anAccessTokenExpiresAfterTwoHours() throws Exception {
    AppRegistry.Issued app = app();
    JsonNode t = tokens(app, user());
    String token = t.get("access_token").asString();
    MutableClock mutable = (MutableClock) clock;
    Instant now = mutable.instant();
    try {
      mutable.advance(Duration.ofSeconds(7199));
      assertThat(code(me(app.app().clientId(), token))).isZero();
      mutable.advance(Duration.ofSeconds(2));
      JsonNode expired = me(app.app().clientId(), token);
      assertThat(code(expired)).isEqualTo(12);
    } finally {
      mutable.set(now);
    }
  }

  @Test
  void aTokenWorksOnlyWithTheClientIdOfItsApp() throws Exception {
    AppRegistry.Issued app = app();
    AppRegistry.Issued other = app();
    String token = tokens(app, user()).get("access_token").asString();
    assertThat(code(me(other.app().clientId(), token))).isEqualTo(12);
  }

  @Test
  void aSuspendedAppCannotAuthorizeGrantOrUseItsTokens() throws Exception {
    AppRegistry.Issued app = app();
    JsonNode t = tokens(app, user());
    apps.setState(app.app().clientId(), App.State.SUSPENDED);
    OAuthBrowser client = new OAuthBrowser(port);
    assertThat(code(me(app.app().clientId(), t.get("access_token").asString()))).isEqualTo(11);
    assertThat(
            json(client.grant(refreshGrant(app, t.get("refresh_token").asString())))
                .get("error")
                .asString())
        .isEqualTo("invalid_client");
    HttpResponse<String> authorize =
        client.get("/v3.0/oauth/authorize?" + authorizeQuery(app.app().clientId(), REDIRECT, "s"));
    assertThat(json(authorize).get("error").asString()).isEqualTo("invalid_client");
    apps.setState(app.app().clientId(), App.State.ACTIVE);
    assertThat(code(me(app.app().clientId(), t.get("access_token").asString()))).isZero();
  }

  @Test
  void aRotatedSecretReplacesTheOldOne() throws Exception {
    AppRegistry.Issued app = app();
    JsonNode t = tokens(app, user());
    AppRegistry.Issued rotated = apps.rotateSecret(app.app().clientId());
    OAuthBrowser client = new OAuthBrowser(port);
    String refresh = t.get("refresh_token").asString();
    assertThat(client.grant(refreshGrant(app, refresh)).statusCode()).isEqualTo(401);
    assertThat(client.grant(refreshGrant(rotated, refresh)).statusCode()).isEqualTo(200);
  }

  @Test
  void aUserSeesTheAppsTheyGrantedAndRevokingOneKillsItsTokens() throws Exception {
    AppRegistry.Issued app = app();
    String user = user();
    OAuthBrowser browser = new OAuthBrowser(port);
    String back =
        browser.authorize(
            authorizeQuery(app.app().clientId(), REDIRECT, "r"), user, PASSWORD, true);
    JsonNode t = json(browser.grant(codeGrant(app, codeOf(back), REDIRECT)));
    String token = t.get("access_token").asString();

    HttpResponse<String> account = browser.get("/account");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("Player").contains(app.app().clientId());

    HttpResponse<String> revoked =
        browser.submit("/account", "/account/revoke", Map.of("client_id", app.app().clientId()));
    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(browser.get("/account").body()).doesNotContain(app.app().clientId());
    assertThat(code(me(app.app().clientId(), token))).isEqualTo(12);
    assertThat(
            json(browser.grant(refreshGrant(app, t.get("refresh_token").asString())))
                .get("error")
                .asString())
        .isEqualTo("invalid_grant");
    // the next authorize asks for consent again
    String again =
        browser.consent(
            OAuthBrowser.location(
                browser.get(
                    "/v3.0/oauth/authorize?"
                        + authorizeQuery(app.app().clientId(), REDIRECT, "r2"))),
            true);
    assertThat(codeOf(again)).isNotBlank();
  }

  @Test
  void aDisabledAccountCannotLogInAndItsTokensStop() throws Exception {
    AppRegistry.Issued app = app();
    String user = user();
    String token = tokens(app, user).get("access_token").asString();
    accounts.setActive(user, false);
    assertThat(code(me(app.app().clientId(), token))).isEqualTo(12);
    assertThat(OAuthBrowser.location(new OAuthBrowser(port).logIn(user, PASSWORD)))
        .endsWith("/login?disabled");
    accounts.setActive(user, true);
    assertThat(code(me(app.app().clientId(), token))).isZero();
  }

  @Test
  void loginGuessingIsThrottled() throws Exception {
    String user = user();
    OAuthBrowser browser = new OAuthBrowser(port);
    for (int i = 0; i < 5; i++) {
      assertThat(OAuthBrowser.location(browser.logIn(user, "guess" + i))).endsWith("/login?error");
    }
    // locked now, even for the right password, and whatever the case of the name
    assertThat(OAuthBrowser.location(browser.logIn(user, PASSWORD))).endsWith("/login?locked");
    assertThat(
            OAuthBrowser.location(browser.logIn(user.toUpperCase(java.util.Locale.ROOT), PASSWORD)))
        .endsWith("/login?locked");
    assertThat(browser.get("/login?locked").body()).contains("Too many failed logins");
    // nor by its e-mail address: the count is the account's, not the typed name's
    assertThat(OAuthBrowser.location(browser.logIn(user + "@mail.example", PASSWORD)))
        .endsWith("/login?locked");
    // another account is not affected
    assertThat(OAuthBrowser.location(new OAuthBrowser(port).logIn(user(), PASSWORD)))
        .endsWith("/account");
  }

  @Test
  void wrongPasswordsThroughNameAndEmailShareOneCount() throws Exception {
    String user = user();
    OAuthBrowser browser = new OAuthBrowser(port);
    for (int i = 0; i < 5; i++) {
      String login = i % 2 == 0 ? user : user + "@MAIL.example";
      assertThat(OAuthBrowser.location(browser.logIn(login, "guess" + i))).endsWith("/login?error");
    }
    assertThat(OAuthBrowser.location(browser.logIn(user + "@mail.example", PASSWORD)))
        .endsWith("/login?locked");
    assertThat(OAuthBrowser.location(browser.logIn(user, PASSWORD))).endsWith("/login?locked");
  }

  @Test
  void aNameThatIsNoAccountLocksLikeOneSoTheThrottleTellsNothing() throws Exception {
    String nobody = "nobody" + USERS.incrementAndGet();
    OAuthBrowser browser = new OAuthBrowser(port);
    for (int i = 0; i < 5; i++) {
      assertThat(OAuthBrowser.location(browser.logIn(nobody, "guess" + i)))
          .endsWith("/login?error");
    }
    assertThat(OAuthBrowser.location(browser.logIn(nobody, "guess"))).endsWith("/login?locked");
  }

  @Test
  void theSessionCookieIsSameSiteLax() throws Exception {
    OAuthBrowser browser = new OAuthBrowser(port);
    HttpResponse<String> loggedIn = browser.logIn(user(), PASSWORD);
    List<String> cookies =
        loggedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    assertThat(cookies).isNotEmpty();
    assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
    assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly"));
  }

  @Test
  void signUpCreatesAnAccountAndRefusesAnEmailInUse() throws Exception {
    OAuthBrowser browser = new OAuthBrowser(port);
    String name = "signup" + USERS.incrementAndGet();
    HttpResponse<String> created =
        browser.submit(
            "/signup",
            "/signup",
            Map.of("name", name, "email", name + "@mail.example", "password", PASSWORD));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(OAuthBrowser.location(browser.logIn(name, PASSWORD))).endsWith("/account");

    HttpResponse<String> taken =
        new OAuthBrowser(port)
            .submit(
                "/signup",
                "/signup",
                Map.of(
                    "name",
                    name + "x",
                    "email",
                    name.toUpperCase(java.util.Locale.ROOT) + "@MAIL.example",
                    "password",
                    PASSWORD));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.body()).contains("Email Already Exist (code 22)").contains(name + "x");
    HttpResponse<String> shortPassword =
        new OAuthBrowser(port)
            .submit(
                "/signup",
                "/signup",
                Map.of("name", name + "y", "email", name + "y@mail.example", "password", "short"));
    assertThat(shortPassword.statusCode()).isEqualTo(400);
    assertThat(shortPassword.body()).contains("at least 8 characters");
  }

  @Test
  void tokensSecretsAndPasswordsNeverReachTheLog(CapturedOutput output) throws Exception {
    AppRegistry.Issued app = app();
    JsonNode t = tokens(app, user());
    OAuthBrowser client = new OAuthBrowser(port);
    JsonNode t2 = json(client.grant(refreshGrant(app, t.get("refresh_token").asString())));
    client.grant(refreshGrant(app, t.get("refresh_token").asString())); // a failure, too
    me(app.app().clientId(), t2.get("access_token").asString());
    assertThat(output.getAll())
        .doesNotContain(app.clientSecret())
        .doesNotContain(PASSWORD)
        .doesNotContain(t.get("access_token").asString())
        .doesNotContain(t.get("refresh_token").asString())
        .doesNotContain(t2.get("access_token").asString())
        .doesNotContain(t2.get("refresh_token").asString());
  }
}

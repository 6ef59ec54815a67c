package dev.stave.access;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Jamendo write methods (spec §9) with real OAuth2 tokens, through HTTP: their effects on the
 * users reads and the track counters, their idempotence and undo extensions, the three body
 * encodings and the Bearer header, and every refusal with its code.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoWriteMethodsTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
  }

  static final String REDIRECT = "http://localhost:1410/";
  static final String PASSWORD = "a long password";
  private static final AtomicInteger USERS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired Accounts accounts;
  @Autowired CatalogStore store;
  @Autowired OAuth2AuthorizationService authorizations;
  @Autowired RegisteredClientRepository clients;

  private AppRegistry.Issued app;
  private String user;
  private String token;
  private OAuthBrowser client;

  /** Artist 1, album 10 by it with tracks 100 and 101; a read-write app and a user's token. */
  @BeforeEach
  void setUp() throws Exception {
    ReleaseDate d = ReleaseDate.parse("2020-01-01");
    store.write(
        new CatalogBatch(
            List.of(artist(1, "Ana Artist")),
            List.of(album(10, List.of(1L), d)),
            List.of(
                track(100, 10L, List.of(1L), features()),
                track(101, 10L, List.of(1L), features()))));
    app = apps.register("Writer", null, App.Plan.READ_WRITE, List.of(REDIRECT));
    user = newUser();
    client = new OAuthBrowser(port);
    token = client.tokens(app, user, PASSWORD, REDIRECT).get("access_token").asString();
  }

  String newUser() {
    String name = "writer" + USERS.incrementAndGet();
    accounts.create(name, name + "@mail.example", PASSWORD);
    return name;
  }

  JsonNode post(String method, Map<String, String> form) throws Exception {
    return OAuthBrowser.json(client.post("/v3.0/setuser/" + method, form));
  }

  Map<String, String> form(String param, long id) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("client_id", app.app().clientId());
    f.put("access_token", token);
    f.put(param, String.valueOf(id));
    return f;
  }

  static int code(JsonNode envelope) {
    return envelope.get("headers").get("code").asInt();
  }

  JsonNode read(String method, String tok) throws Exception {
    return OAuthBrowser.json(
        client.get(
            "/v3.0/" + method + "?client_id=" + app.app().clientId() + "&access_token=" + tok));
  }

  /** The relations of the token's user to track {@code id} in users/tracks, or null. */
  JsonNode trackRelations(String tok, long id) throws Exception {
    for (JsonNode t : read("users/tracks", tok).get("results").get(0).get("tracks")) {
      if (t.get("id").asString().equals(String.valueOf(id))) {
        return t.get("relations");
      }
    }
    return null;
  }

  Track stored(long id) {
    return store.findTracks(List.of(id)).getFirst();
  }

  /** The favorited count of track {@code id} as {@code tracks} renders it (issue 15: cached). */
  long renderedFavorited(long id) throws Exception {
    return OAuthBrowser.json(
            client.get(
                "/v3.0/tracks?include=stats&id=" + id + "&client_id=" + app.app().clientId()))
        .get("results")
        .get(0)
        .get("stats")
        .get("favorited")
        .asLong();
  }

  @Test
  void aFavoriteShowsInUsersTracksCountsOnceAndIsUndone() throws Exception {
    Track before = stored(100);
    long rendered = renderedFavorited(100); // rendered once, so cached before the write
    long seq = store.lastChangeSeq();
    JsonNode ok = post("favorite", form("track_id", 100));
    assertThat(ok.get("headers").get("status").asString()).isEqualTo("success");
    assertThat(code(ok)).isZero();
    assertThat(ok.get("results")).isEmpty();
    assertThat(trackRelations(token, 100).get("favorite").asString()).isEqualTo("1");
    assertThat(stored(100).stats().favorited()).isEqualTo(before.stats().favorited() + 1);
    assertThat(renderedFavorited(100)).as("the next read on this node").isEqualTo(rendered + 1);
    assertThat(stored(100).popularity())
        .isEqualTo(before.popularity() + CatalogStore.FAVORITE_WEIGHT);
    assertThat(store.changesAfter(seq, 10)).isNotEmpty(); // the index follows the change log

    assertThat(code(post("favorite", form("track_id", 100)))).isZero(); // idempotent
    assertThat(stored(100).stats().favorited()).isEqualTo(before.stats().favorited() + 1);

    assertThat(code(post("unfavorite", form("track_id", 100)))).isZero();
    assertThat(code(post("unfavorite", form("track_id", 100)))).isZero();
    assertThat(trackRelations(token, 100)).isNull();
    assertThat(stored(100).stats().favorited()).isEqualTo(before.stats().favorited());
    assertThat(renderedFavorited(100)).isEqualTo(rendered);
    assertThat(stored(100).popularity()).isEqualTo(before.popularity());
  }

  @Test
  void aDislikeReplacesALikeInTheCounters() throws Exception {
    Track before = stored(101);
    assertThat(code(post("like", form("track_id", 101)))).isZero();
    assertThat(trackRelations(token, 101).get("like").asString()).isEqualTo("1");
    assertThat(stored(101).stats().likes()).isEqualTo(before.stats().likes() + 1);
    assertThat(code(post("dislike", form("track_id", 101)))).isZero();
    assertThat(trackRelations(token, 101)).isNull(); // no read shows dislikes
    assertThat(stored(101).stats().likes()).isEqualTo(before.stats().likes());
    assertThat(stored(101).stats().dislikes()).isEqualTo(before.stats().dislikes() + 1);
    assertThat(code(post("undislike", form("track_id", 101)))).isZero();
    assertThat(stored(101).stats().dislikes()).isEqualTo(before.stats().dislikes());
  }

  @Test
  void fanAndMyalbumTakeTheQueryStringAMultipartBodyOrABearerHeader() throws Exception {
    String query =
        "/v3.0/setuser/fan/?client_id="
            + app.app().clientId()
            + "&access_token="
            + token
            + "&artist_id=1";
    assertThat(code(OAuthBrowser.json(client.post(query, Map.of())))).isZero();
    JsonNode artists = read("users/artists", token).get("results").get(0).get("artists");
    assertThat(artists.get(0).get("id").asString()).isEqualTo("1");

    HttpResponse<String> multipart =
        client.postMultipart(
            "/v3.0/setuser/myalbum",
            Map.of("client_id", app.app().clientId(), "access_token", token, "album_id", "10"));
    assertThat(code(OAuthBrowser.json(multipart))).as(multipart.body()).isZero();
    JsonNode albums = read("users/albums", token).get("results").get(0).get("albums");
    assertThat(albums.get(0).get("id").asString()).isEqualTo("10");

    HttpResponse<String> bearer =
        client.post(
            "/v3.0/setuser/unfan",
            Map.of("client_id", app.app().clientId(), "artist_id", "1"),
            Map.of("Authorization", "Bearer " + token));
    assertThat(code(OAuthBrowser.json(bearer))).isZero();
    assertThat(read("users/artists", token).get("results").get(0).get("artists")).isEmpty();
    // a Bearer header serves the reads as well
    HttpResponse<String> me =
        client.post(
            "/v3.0/setuser/fan",
            Map.of("client_id", app.app().clientId(), "artist_id", "1"),
            Map.of("Authorization", "Bearer not-a-token"));
    assertThat(code(OAuthBrowser.json(me))).isEqualTo(12);
  }

  @Test
  void aTargetNotInTheCatalogIsAcceptedAndNeverShown() throws Exception {
    assertThat(code(post("favorite", form("track_id", 999_999)))).isZero();
    assertThat(trackRelations(token, 999_999)).isNull();
  }

  @Test
  void aTokenWritesOnlyItsOwnUsersLibrary() throws Exception {
    String other = newUser();
    String otherToken =
        new OAuthBrowser(port)
            .tokens(app, other, PASSWORD, REDIRECT)
            .get("access_token")
            .asString();
    assertThat(code(post("favorite", form("track_id", 100)))).isZero();
    assertThat(trackRelations(token, 100)).isNotNull();
    assertThat(trackRelations(otherToken, 100))
        .as(read("users/tracks", otherToken) + " / " + read("users/tracks", token))
        .isNull();
    assertThat(read("users", otherToken).get("results").get(0).get("name").asString())
        .isEqualTo(other);
  }

  @Test
  void refusalsCarryTheirDocumentedCodes() throws Exception {
    assertThat(
            code(
                OAuthBrowser.json(
                    client.get(
                        "/v3.0/setuser/favorite?client_id="
                            + app.app().clientId()
                            + "&access_token="
                            + token
                            + "&track_id=100"))))
        .isEqualTo(2);
    Map<String, String> noToken = form("track_id", 100);
    noToken.remove("access_token");
    assertThat(code(post("favorite", noToken))).isEqualTo(4);
    Map<String, String> noTarget = form("track_id", 100);
    noTarget.remove("track_id");
    JsonNode missing = post("favorite", noTarget);
    assertThat(code(missing)).isEqualTo(4);
    assertThat(missing.get("headers").get("error_message").asString()).contains("track_id");
    Map<String, String> badTarget = form("track_id", 100);
    badTarget.put("track_id", "x");
    assertThat(code(post("favorite", badTarget))).isEqualTo(3);
    Map<String, String> unknown = form("track_id", 100);
    unknown.put("access_token", "nope");
    assertThat(code(post("favorite", unknown))).isEqualTo(12);
    Map<String, String> noClient = form("track_id", 100);
    noClient.remove("client_id");
    assertThat(code(post("favorite", noClient))).isEqualTo(4);
    assertThat(code(post("nothing", form("track_id", 100)))).isEqualTo(7);
  }

  @Test
  void aTokenWithoutTheMusicScopeIsRefusedWith13() throws Exception {
    Instant now = Instant.now();
    String scopeless = "scopeless-" + USERS.incrementAndGet();
    long userId = accounts.login(user).orElseThrow().userId();
    authorizations.save(
        OAuth2Authorization.withRegisteredClient(clients.findByClientId(app.app().clientId()))
            .principalName(String.valueOf(userId))
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .token(
                new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.BEARER,
                    scopeless,
                    now,
                    now.plusSeconds(600),
                    Set.of()))
            .build());
    Map<String, String> f = form("track_id", 100);
    f.put("access_token", scopeless);
    JsonNode refused = post("favorite", f);
    assertThat(code(refused)).isEqualTo(13);
    assertThat(refused.get("headers").get("error_message").asString()).contains("scope music");
    // reads need no scope
    assertThat(code(read("users", scopeless))).isZero();
  }

  @Test
  void aReadOnlyAppReadsButCannotWriteAndASuspendedOneNeither() throws Exception {
    apps.setPlan(app.app().clientId(), App.Plan.READ_ONLY);
    JsonNode refused = post("favorite", form("track_id", 100));
    assertThat(code(refused)).isEqualTo(13);
    assertThat(refused.get("headers").get("error_message").asString()).contains("read-only plan");
    assertThat(code(read("users/tracks", token))).isZero();
    apps.setPlan(app.app().clientId(), App.Plan.READ_WRITE);
    apps.setState(app.app().clientId(), App.State.SUSPENDED);
    assertThat(code(post("favorite", form("track_id", 100)))).isEqualTo(11);
    apps.setState(app.app().clientId(), App.State.ACTIVE);
    assertThat(code(post("favorite", form("track_id", 100)))).isZero();
  }
}

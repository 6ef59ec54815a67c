package dev.stave.site.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.access.usage.UsageMeter;
import dev.stave.testsupport.StaveSiteTest;
import jakarta.servlet.Filter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The developer portal over HTTP without script, as a person uses it: sign up, register an app
 * (with errors shown next to their field), see the client secret once, rotate it, delete the app;
 * pages of another account's app are not found, and every form needs its CSRF token.
 */
@StaveSiteTest
class PortalPagesTest {
  private static final AtomicInteger PEOPLE = new AtomicInteger();
  private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

  @LocalServerPort int port;
  @Autowired AppRegistry registry;
  @Autowired PasswordEncoder encoder;
  @Autowired UsageMeter meter;
  @Autowired WebApplicationContext context;

  private PortalSession newDeveloper() throws Exception {
    return new PortalSession(port).signUpAndLogIn("dev" + PEOPLE.incrementAndGet() + "p");
  }

  private static String register(PortalSession s, String name) throws Exception {
    HttpResponse<String> created =
        s.submit(
            "/developer/apps/new",
            "/developer/apps",
            Map.of("name", name, "description", "a test app", "redirectUris", ""));
    assertThat(created.statusCode()).isEqualTo(302);
    String location = PortalSession.location(created);
    assertThat(location).matches(".*/developer/apps/[0-9a-f]{32}");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String secretOn(String html) {
    Matcher m = SECRET.matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void theDeveloperPagesNeedALogin() throws Exception {
    HttpResponse<String> r = new PortalSession(port).get("/developer/apps");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(PortalSession.location(r)).endsWith("/login");
  }

  @Test
  void registersAnAppAndShowsItsSecretOnce() throws Exception {
    PortalSession s = newDeveloper();
    assertThat(s.get("/developer/apps").body()).contains("You have not registered an app yet");

    String id = register(s, "Night radio");
    HttpResponse<String> detail = s.get("/developer/apps/" + id);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body()).contains("Night radio", id, "Your app is registered");
    String secret = secretOn(detail.body());
    assertThat(secret).hasSize(43);
    assertThat(encoder.matches(secret, registry.secretHash(id).orElseThrow())).isTrue();
    assertThat(registry.require(id).plan().key()).isEqualTo("read-only");

    HttpResponse<String> again = s.get("/developer/apps/" + id);
    assertThat(secretOn(again.body())).as("shown once").isNull();
    assertThat(s.get("/developer/apps").body()).contains("Night radio", id);
  }

  @Test
  void showsEachErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
    PortalSession s = newDeveloper();
    HttpResponse<String> bad =
        s.submit(
            "/developer/apps/new",
            "/developer/apps",
            Map.of(
                "name", "Fine name",
                "description", "kept",
                "redirectUris", "https://example.org/ok\nhttps://example.org/a/../b"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body())
        .contains("id=\"app-uris-error\"", "must not contain dot segments")
        .contains("value=\"Fine name\"", ">kept</textarea>")
        .contains("aria-describedby=\"app-uris-error\"");

    HttpResponse<String> both =
        s.submit(
            "/developer/apps/new",
            "/developer/apps",
            Map.of("name", "  ", "redirectUris", "/relative"));
    assertThat(both.body())
        .contains("id=\"app-name-error\"", "Give the app a name")
        .contains("id=\"app-uris-error\"", "must be absolute");
    assertThat(s.get("/developer/apps").body()).contains("You have not registered an app yet");
  }

  @Test
  void aReadWriteRequestIsRecordedAndWaits() throws Exception {
    PortalSession s = newDeveloper();
    HttpResponse<String> created =
        s.submit(
            "/developer/apps/new",
            "/developer/apps",
            Map.of("name", "Writer", "readWrite", "true"));
    String location = PortalSession.location(created);
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(registry.require(id).plan().key()).isEqualTo("read-only");
    assertThat(s.get(location).body()).contains("read-write waits for the operator");
  }

  @Test
  void everyFormNeedsItsCsrfToken() throws Exception {
    PortalSession s = newDeveloper();
    HttpResponse<String> forged = s.post("/developer/apps", Map.of("name", "Forged"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(s.get("/developer/apps").body()).doesNotContain("Forged");
  }

  @Test
  void rotatesTheSecretAndDeletesTheAppAfterConfirmation() throws Exception {
    PortalSession s = newDeveloper();
    String id = register(s, "Rotating");
    String first = secretOn(s.get("/developer/apps/" + id).body());
    HttpResponse<String> rotated =
        s.submit("/developer/apps/" + id, "/developer/apps/" + id + "/secret", Map.of());
    assertThat(rotated.statusCode()).isEqualTo(302);
    String page = s.get(PortalSession.location(rotated)).body();
    assertThat(page).contains("Your new client secret");
    String second = secretOn(page);
    String hash = registry.secretHash(id).orElseThrow();
    assertThat(encoder.matches(first, hash)).isFalse();
    assertThat(encoder.matches(second, hash)).isTrue();

    HttpResponse<String> confirm = s.get("/developer/apps/" + id + "/delete");
    assertThat(confirm.body()).contains("Delete “Rotating”?", "This cannot be");
    HttpResponse<String> deleted =
        s.submit(
            "/developer/apps/" + id + "/delete", "/developer/apps/" + id + "/delete", Map.of());
    assertThat(PortalSession.location(deleted)).endsWith("/developer/apps");
    assertThat(s.get("/developer/apps").body()).contains("The app “Rotating” is deleted");
    assertThat(registry.find(id)).isEmpty();
    assertThat(s.get("/developer/apps/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherAccountsAppIsNotFound() throws Exception {
    PortalSession owner = newDeveloper();
    String id = register(owner, "Private");
    PortalSession other = newDeveloper();
    for (String page : List.of("", "/usage", "/delete", "/try")) {
      HttpResponse<String> r = other.get("/developer/apps/" + id + page);
      assertThat(r.statusCode()).as(page).isEqualTo(404);
      assertThat(r.body()).doesNotContain("Private");
    }
    HttpResponse<String> rotate =
        other.submit("/developer/apps", "/developer/apps/" + id + "/secret", Map.of());
    assertThat(rotate.statusCode()).isEqualTo(404);
    assertThat(registry.find(id)).isPresent();
  }

  @Test
  void theUsagePageShowsTheAppsCallsAndTheQuota() throws Exception {
    PortalSession s = newDeveloper();
    String id = register(s, "Counted");
    s.get("/v3.0/tracks?client_id=" + id + "&limit=1");
    s.get("/v3.0/tracks?client_id=" + id + "&limit=x");
    meter.flush();

    String usage = s.get("/developer/apps/" + id + "/usage").body();
    assertThat(usage)
        .contains("Usage of Counted")
        .containsPattern("<th scope=\"row\">jamendo tracks</th>\\s*<td class=\"num\">2</td>")
        .containsPattern("<th scope=\"row\">jamendo 3</th>\\s*<td class=\"num\">1</td>")
        .contains("id=\"usage-month\">2<", "of 500,000")
        .contains("\"perHour\":{\"jamendo tracks\":[");
  }

  /**
   * An operator (an account with ROLE_OPERATOR, which the operator console gives) opens any app's
   * usage page; the session is made here as the login would make it, and the request goes through
   * the real security chain.
   */
  @Test
  void anOperatorOpensAnyAppsUsagePage() throws Exception {
    String id = register(newDeveloper(), "Watched");
    MockMvc mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
            .build();
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/developer/apps/" + id + "/usage")
                    .session(session("ROLE_USER", "ROLE_OPERATOR")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Usage of Watched");
    int plain =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/developer/apps/" + id + "/usage")
                    .session(session("ROLE_USER")))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(plain).isEqualTo(404);
  }

  private static MockHttpSession session(String... roles) {
    var auth =
        UsernamePasswordAuthenticationToken.authenticated(
            "1", null, java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList());
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl(auth));
    return session;
  }
}

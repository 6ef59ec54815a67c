package dev.stave.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogStore;
import dev.stave.ingest.demo.DemoAudioProgress;
import dev.stave.testsupport.StaveSiteTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page and the web face's error pages, over HTTP the way a browser asks for them (the
 * browser test {@link HomePageBrowserTest} looks at the same page in Chromium).
 */
@StaveSiteTest
class HomePageTest {
  @LocalServerPort int port;
  @Autowired CatalogStore catalog;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void homeShowsTheCatalogAtAGlance() throws Exception {
    HttpResponse<String> home = get("/");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    String tracks = NumberFormat.getIntegerInstance(Locale.US).format(catalog.count("tracks"));
    assertThat(catalog.count("tracks")).isPositive();
    assertThat(home.body())
        .contains("The catalog at a glance")
        .containsPattern("<dt>Tracks</dt><dd>" + tracks + "</dd>")
        .contains(
            "href=\"/search\"", "href=\"/playground\"", "href=\"/developer\"", "href=\"/docs\"");
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> home = get("/");

    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
    assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void assetsAreServedWithContentHashedUrlsAndLongCaching() throws Exception {
    String body = get("/").body();
    java.util.regex.Matcher css =
        java.util.regex.Pattern.compile("href=\"(/assets/site-[0-9a-f]{32}\\.css)\"").matcher(body);
    assertThat(css.find()).as("a content-hashed stylesheet URL in %s", body).isTrue();
    HttpResponse<String> stylesheet = get(css.group(1));
    assertThat(stylesheet.statusCode()).isEqualTo(200);
    assertThat(stylesheet.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));
    assertThat(body).containsPattern("src=\"/webjars/htmx.org/[^\"]+/dist/htmx.min[^\"]*\\.js\"");
  }

  @Test
  void anUnknownPageIsAnHtmlNotFoundPage() throws Exception {
    HttpResponse<String> missing = get("/albums/1/no-such-page");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(missing.body())
        .contains("404 Not Found", "href=\"/\"")
        .doesNotContain("timestamp", "Whitelabel");
  }

  @Test
  void aLoginPostWithoutItsCsrfTokenIsRefusedWithAnHtmlPage() throws Exception {
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("403 Forbidden").doesNotContain("timestamp");
  }

  @Test
  void whileDemoAudioIsMadeTheHomePageShowsHowFarItHasCome(@Autowired DemoAudioProgress progress)
      throws Exception {
    assertThat(get("/").body()).doesNotContain("demo-audio-progress");
    try {
      progress.started(300, 0);
      progress.linked(120);

      assertThat(get("/").body())
          .contains("id=\"demo-audio-progress\"", "120 of 300 tracks playable (40 %)");
    } finally {
      progress.linked(180);
      progress.stopped();
    }
    assertThat(get("/").body()).doesNotContain("demo-audio-progress");
  }
}

package dev.stave.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogStore;
import dev.stave.ingest.demo.DemoAudioProgress;
import dev.stave.testsupport.RawHttp;
import dev.stave.testsupport.StaveSiteTest;
import java.nio.charset.StandardCharsets;
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

  private RawHttp.Response get(String path) throws Exception {
    return new RawHttp(port).get(path, "Accept: text/html");
  }

  @Test
  void homeShowsTheCatalogAtAGlance() throws Exception {
    RawHttp.Response home = get("/");

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Type")).startsWith("text/html");
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
    RawHttp.Response home = get("/");

    assertThat(home.header("Content-Security-Policy"))
        .contains("script-src 'self'", "frame-ancestors 'none'");
    assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void assetsAreServedWithContentHashedUrlsAndLongCaching() throws Exception {
    String body = get("/").body();
    java.util.regex.Matcher css =
        java.util.regex.Pattern.compile("href=\"(/assets/site-[0-9a-f]{32}\\.css)\"").matcher(body);
    assertThat(css.find()).as("a content-hashed stylesheet URL in %s", body).isTrue();
    RawHttp.Response stylesheet = get(css.group(1));
    assertThat(stylesheet.status()).isEqualTo(200);
    assertThat(stylesheet.header("Cache-Control")).contains("max-age=31536000");
    assertThat(body).containsPattern("src=\"/webjars/htmx.org/[^\"]+/dist/htmx.min[^\"]*\\.js\"");
  }

  @Test
  void anUnknownPageIsAnHtmlNotFoundPage() throws Exception {
    RawHttp.Response missing = get("/albums/1/no-such-page");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("text/html");
    assertThat(missing.body())
        .contains("404 Not Found", "href=\"/\"")
        .doesNotContain("timestamp", "Whitelabel");
  }

  @Test
  void aLoginPostWithoutItsCsrfTokenIsRefusedWithAnHtmlPage() throws Exception {
    byte[] form = "username=a&password=b".getBytes(StandardCharsets.UTF_8);
    RawHttp.Response refused =
        new RawHttp(port)
            .send(
                "POST /login HTTP/1.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: "
                    + form.length,
                form);

    assertThat(refused.status()).isEqualTo(403);
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

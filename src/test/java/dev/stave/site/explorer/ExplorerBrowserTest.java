package dev.stave.site.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.testsupport.Browser;
import dev.stave.testsupport.ExplorerFixture;
import dev.stave.testsupport.StaveSiteTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The explorer in Chromium: search, then open an album from the results, and its tracks come with
 * play buttons; suggestions appear while typing in the header's search box and are chosen with the
 * keyboard; every explorer page passes the accessibility scan and is pictured under {@code
 * target/screenshots/}.
 */
@StaveSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserTest {
  private static final String FIXTURE_ALBUM = "/albums/" + ExplorerFixture.ALBUM_ID;

  @LocalServerPort int port;
  @Autowired CatalogStore catalog;
  private Browser browser;

  @BeforeAll
  void openBrowser() {
    browser = Browser.open("http://127.0.0.1:" + port);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private String path() {
    return browser.driver().getCurrentUrl().substring(browser.baseUrl().length());
  }

  private void assertOnFixtureAlbumWithPlayButtons() {
    browser.waitFor(10, d -> path().equals(FIXTURE_ALBUM));
    browser.waitFor(10, d -> browser.find("h1").getText().contains("Harbour"));
    assertThat(browser.find("h1").getText()).isEqualTo(ExplorerFixture.ALBUM_NAME);
    assertThat(browser.findAll(".track-table tbody tr")).hasSize(ExplorerFixture.TRACKS);
    assertThat(browser.findAll(".track-table button[data-play-track]"))
        .hasSize(ExplorerFixture.TRACKS)
        .allSatisfy(b -> assertThat(b.getAttribute("aria-label")).startsWith("Play "));
    assertThat(browser.find("button[data-play-tracks]").getAttribute("data-play-tracks"))
        .isEqualTo(
            ExplorerFixture.trackId(0)
                + " "
                + ExplorerFixture.trackId(1)
                + " "
                + ExplorerFixture.trackId(2));
  }

  @Test
  void searchThenOpenAnAlbumShowsItsTracksAndPlayButtons() {
    browser.go("/search");
    WebElement box = browser.find("#search-q");
    box.sendKeys("zyx harbour");
    box.sendKeys(Keys.ENTER);
    browser.waitFor(10, d -> browser.find("h1").getText().startsWith("Search results"));
    assertThat(path()).matches("/search\\?q=zyx(\\+|%20)harbour");

    browser
        .find("#albums-results ~ .album-grid a.album-name[href='" + FIXTURE_ALBUM + "']")
        .click();

    assertOnFixtureAlbumWithPlayButtons();
    assertThat((Boolean) browser.script("return document.getElementById('player') !== null"))
        .as("the page was swapped inside the layout, the player region kept")
        .isTrue();
    browser.assertAccessible();
    browser.screenshot("explorer-album-with-audio");

    browser.driver().navigate().back();
    browser.waitFor(10, d -> path().startsWith("/search?q=zyx"));
    browser.waitFor(10, d -> !browser.findAll("#albums-results").isEmpty());
  }

  @Test
  void suggestionsAppearAsYouTypeAndAreChosenWithTheKeyboard() {
    browser.go("/");
    WebElement box = browser.find("#site-q");
    box.click();
    box.sendKeys("zyx");

    WebElement list = browser.find("#site-q-list");
    browser.waitFor(
        10,
        d ->
            list.isDisplayed()
                && !list.findElements(org.openqa.selenium.By.cssSelector("[role=option]"))
                    .isEmpty());
    assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
    List<WebElement> options = browser.findAll("#site-q-list [role=option]");
    assertThat(options)
        .extracting(o -> o.getAttribute("href"))
        .anySatisfy(h -> assertThat(h).endsWith("/artists/" + ExplorerFixture.ARTIST_ID))
        .anySatisfy(h -> assertThat(h).endsWith(FIXTURE_ALBUM))
        .anySatisfy(h -> assertThat(h).endsWith("/search?q=zyx"));
    // Scanned while open; the scan may take the focus from the page, which closes the list (as
    // leaving the box does), and the arrow keys open it again.
    browser.assertAccessible();

    WebElement chosen = null;
    for (int i = 0; i < options.size() && chosen == null; i++) {
      box.sendKeys(Keys.ARROW_DOWN);
      String active = box.getAttribute("aria-activedescendant");
      assertThat(active).isNotBlank();
      WebElement option = browser.find("#" + active);
      assertThat(option.getAttribute("aria-selected")).isEqualTo("true");
      if (option.getAttribute("href").endsWith(FIXTURE_ALBUM)) {
        chosen = option;
      }
    }
    assertThat(chosen).as("the album among the options reached with the arrow keys").isNotNull();
    assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(chosen.getAttribute("id"));
    browser.screenshot("explorer-suggestions");

    box.sendKeys(Keys.ENTER);

    assertOnFixtureAlbumWithPlayButtons();
    assertThat(browser.find("#site-q-list").isDisplayed()).isFalse();
    assertThat(browser.find("#site-q").getAttribute("aria-expanded")).isEqualTo("false");
  }

  @Test
  void escapeClosesTheSuggestionsAndEnterThenSearches() {
    browser.go("/");
    WebElement box = browser.find("#site-q");
    box.click();
    box.sendKeys("zyx");
    browser.waitFor(10, d -> browser.find("#site-q-list").isDisplayed());

    box.sendKeys(Keys.ESCAPE);
    assertThat(browser.find("#site-q-list").isDisplayed()).isFalse();
    box.sendKeys(Keys.ENTER);

    browser.waitFor(10, d -> path().equals("/search?q=zyx"));
    browser.waitFor(10, d -> browser.find("h1").getText().startsWith("Search results"));
  }

  @Test
  void everyExplorerPagePassesTheAccessibilityScan() {
    Album album =
        catalog.readFirst(CatalogStore.ALBUMS, 50).stream()
            .filter(a -> !catalog.tracksOfAlbums(List.of(a.id())).isEmpty())
            .findFirst()
            .orElseThrow();
    Artist artist = catalog.findArtists(List.of(album.primaryArtistId())).getFirst();
    Track track = catalog.tracksOfAlbums(List.of(album.id())).getFirst();
    Playlist playlist =
        catalog.readFirst(LibraryTables.PLAYLISTS, 10).stream()
            .filter(p -> p.id() != ExplorerFixture.PLAYLIST_ID && p.trackIds().size() > 2)
            .findFirst()
            .orElseThrow();
    String tag = track.tags().isEmpty() ? "rock" : track.tags().getFirst().name();

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("explorer-browse", "/search");
    pages.put("explorer-search", "/search?q=" + artist.name().split(" ")[0]);
    pages.put("explorer-tag", "/search?tag=" + tag);
    pages.put("explorer-artist", "/artists/" + artist.id());
    pages.put("explorer-album", "/albums/" + album.id());
    pages.put("explorer-track", "/tracks/" + track.id());
    pages.put("explorer-track-waveform", "/tracks/" + ExplorerFixture.FIRST_TRACK_ID);
    pages.put("explorer-artist-fixture", "/artists/" + ExplorerFixture.ARTIST_ID);
    pages.put("explorer-playlist", "/playlists/" + playlist.id());
    pages.put("explorer-playlist-fixture", "/playlists/" + ExplorerFixture.PLAYLIST_ID);
    pages.put("explorer-radios", "/radios");
    pages.put("explorer-not-found", "/albums/987654321");
    pages.forEach(
        (name, path) -> {
          browser.go(path);
          assertThat(browser.findAll("main#main")).as(path).hasSize(1);
          browser.assertAccessible();
          browser.screenshot(name);
        });

    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.go("/albums/" + album.id());
      browser.assertAccessible();
      browser.screenshot("explorer-album-phone");
      browser.go("/tracks/" + ExplorerFixture.FIRST_TRACK_ID);
      browser.screenshot("explorer-track-phone");
    } finally {
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }
}

package dev.stave.site.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.Browser;
import dev.stave.testsupport.SiteDemoAudio;
import dev.stave.testsupport.StavePlayerSiteTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The player in headless Chromium: a play button starts the track and its time advances; a seek to
 * the middle of an hour-long file is served by a Range request (seen by the server) without the
 * browser having downloaded the file first (seen in the browser's buffered ranges); the keyboard
 * controls work; the music goes on while the visitor browses; the page with the player visible
 * passes the accessibility scan and is pictured.
 *
 * <p>The play buttons are the playground's (its seeds): the page this branch owns that lists tracks
 * of one album with audio.
 */
@StavePlayerSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlayerBrowserTest {
  @LocalServerPort int port;
  @Autowired SiteDemoAudio audio;
  @Autowired dev.stave.catalog.CatalogStore catalog;

  private Browser browser;
  private SiteDemoAudio.Linked linked;

  @BeforeAll
  void open() {
    linked = audio.link();
    browser = Browser.open("http://127.0.0.1:" + port);
  }

  @AfterAll
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private double number(String script) {
    return ((Number) browser.script("return " + script)).doubleValue();
  }

  private double currentTime() {
    return number("window.StavePlayer.audio.currentTime");
  }

  private boolean playing() {
    return (Boolean) browser.script("return !window.StavePlayer.audio.paused");
  }

  private void waitUntilTimePasses(double seconds) {
    browser.waitFor(20, d -> currentTime() > seconds);
  }

  @Test
  void playsSeeksByRangeKeepsPlayingWhileBrowsingAndAnswersTheKeyboard() {
    long longTrack = linked.longTrackId();
    // A browser with an empty cache: another test of this class may have played this file, and
    // Chromium then answers a seek from its cache (revalidated by a conditional request, 304).
    browser.close();
    browser = Browser.open("http://127.0.0.1:" + port);
    // Search → open the album → play its first track, as a visitor does (issue 13, item 7).
    String albumName = catalog.findAlbums(List.of(linked.albumId())).getFirst().name();
    browser.go("/");
    browser.find("#site-q").sendKeys(albumName, org.openqa.selenium.Keys.ENTER);
    browser.waitFor(
        10,
        d ->
            !d.findElements(By.cssSelector("#main a[href='/albums/" + linked.albumId() + "']"))
                .isEmpty());
    browser.find("#main a.album-name[href='/albums/" + linked.albumId() + "']").click();
    browser.waitFor(10, d -> d.getCurrentUrl().endsWith("/albums/" + linked.albumId()));
    browser.waitFor(
        10,
        d ->
            !d.findElements(By.cssSelector("#main [data-play-track='" + longTrack + "']"))
                .isEmpty());
    browser.find("#main [data-play-track='" + longTrack + "']").click();

    browser.waitFor(20, d -> playing());
    waitUntilTimePasses(1.0);
    assertThat(browser.find("#player").isDisplayed()).isTrue();
    assertThat(browser.find("#player [data-player=title]").getText()).isNotBlank();
    double duration = number("window.StavePlayer.audio.duration");
    assertThat(duration).as("an hour, read from the file").isGreaterThan(3550);
    String src = (String) browser.script("return window.StavePlayer.audio.currentSrc");
    assertThat(src).contains("/audio/track/" + longTrack + "/mp3", "sig=");

    // Client side: before the seek the browser holds only the start of the file.
    double bufferedEnd =
        number(
            "(function(b){return b.length ? b.end(b.length - 1) : 0;})"
                + "(window.StavePlayer.audio.buffered)");
    assertThat(bufferedEnd).as("buffered before the seek").isLessThan(duration / 2);
    int before = audio.served().size();

    // Seek with the player's own slider, as a visitor does.
    browser.script(
        "var s = document.querySelector('#player [data-player=seek]');"
            + "s.value = String(Math.floor(arguments[0]));"
            + "s.dispatchEvent(new Event('input', {bubbles: true}));"
            + "s.dispatchEvent(new Event('change', {bubbles: true}));",
        duration / 2);
    browser.waitFor(20, d -> currentTime() > duration / 2 + 0.5);

    // Server side: the middle was asked for with a Range starting far into the file, answered 206.
    List<SiteDemoAudio.Served> seeks =
        audio.served().subList(before, audio.served().size()).stream()
            .filter(s -> s.path().startsWith("/audio/track/" + longTrack + "/"))
            .filter(s -> s.range() != null && rangeStart(s.range()) > 0)
            .toList();
    assertThat(seeks).as("Range requests after the seek: %s", audio.served()).isNotEmpty();
    assertThat(seeks)
        .as("all: %s", audio.served())
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(206));
    assertThat(audio.served())
        .filteredOn(s -> s.path().startsWith("/audio/track/" + longTrack + "/"))
        .as("every request for the file asked for a range; none downloaded it whole")
        .allSatisfy(s -> assertThat(s.range()).isNotNull());
    // Client side: what is buffered now starts near the middle, not at the beginning.
    double bufferedStart =
        number(
            "(function(a){var b=a.buffered;for(var i=0;i<b.length;i++)"
                + "{if(b.end(i)>=a.currentTime&&b.start(i)<=a.currentTime)return b.start(i);}"
                + "return -1;})(window.StavePlayer.audio)");
    assertThat(bufferedStart).isGreaterThan(duration / 4);
    String valueText = browser.find("#player [data-player=seek]").getDomAttribute("aria-valuetext");
    assertThat(valueText).matches("\\d+:\\d\\d(:\\d\\d)? of 1:00:\\d\\d");
    browser.screenshot("album-with-player");

    // Browsing: a boosted link swaps the page's main region; the player is untouched.
    double beforeNavigation = currentTime();
    browser.find(".site-nav a.brand").click();
    browser.waitFor(10, d -> d.findElements(By.cssSelector("#main .stats")).size() == 1);
    waitUntilTimePasses(beforeNavigation + 0.5);
    assertThat(playing()).as("still playing after navigating").isTrue();
    assertThat(browser.find("#player").isDisplayed()).isTrue();
    String title = browser.find("#player [data-player=title]").getText();
    browser.driver().navigate().back();
    browser.waitFor(
        10,
        d ->
            d.findElements(By.cssSelector("#main [data-play-track='" + longTrack + "']")).size()
                == 1);
    double afterBack = currentTime();
    waitUntilTimePasses(afterBack + 0.5);
    assertThat(browser.find("#player [data-player=title]").getText())
        .as("the player after the back button")
        .isEqualTo(title);

    // Keyboard: k pauses and resumes, the arrows seek, as the help says.
    Actions keys = new Actions(browser.driver());
    browser.find("#main").click();
    keys.sendKeys("k").perform();
    browser.waitFor(5, d -> !playing());
    double paused = currentTime();
    keys.sendKeys(Keys.ARROW_RIGHT).perform();
    browser.waitFor(5, d -> currentTime() >= paused + 4.5);
    keys.sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ARROW_LEFT).perform();
    browser.waitFor(5, d -> currentTime() <= paused - 4.5);
    keys.sendKeys(" ").perform();
    browser.waitFor(5, d -> playing());
  }

  private static long rangeStart(String range) {
    String from = range.substring(range.indexOf('=') + 1, range.indexOf('-'));
    return from.isEmpty() ? -1 : Long.parseLong(from);
  }

  @Test
  void playAllFillsTheQueueNextAndPreviousMoveInItAndTheQueueCanBeReordered() {
    List<Long> album = linked.trackIds();
    StringBuilder url = new StringBuilder("/playground?");
    album.stream().limit(3).forEach(id -> url.append("seed=").append(id).append('&'));
    browser.go(url.toString());
    browser.find("#main [data-play-tracks]").click();
    browser.waitFor(20, d -> playing());
    assertThat(browser.script("return window.StavePlayer.queue()"))
        .isEqualTo(album.stream().limit(3).map(String::valueOf).toList());

    Actions keys = new Actions(browser.driver());
    browser.find("#main h1").click();
    keys.sendKeys("n").perform();
    browser.waitFor(10, d -> number("window.StavePlayer.index()") == 1 && playing());
    assertThat((String) browser.script("return window.StavePlayer.audio.currentSrc"))
        .contains("/audio/track/" + album.get(1) + "/");
    keys.sendKeys("p").perform();
    browser.waitFor(10, d -> number("window.StavePlayer.index()") == 0);

    // The visible queue: open it, move the third track up, remove the second.
    browser.find("#player [data-player=queue-toggle]").click();
    assertThat(browser.find("#player-queue").isDisplayed()).isTrue();
    assertThat(browser.findAll("#player-queue li")).hasSize(3);
    browser.find("#player-queue li:nth-child(3) [data-queue-action=up]").click();
    assertThat(browser.script("return window.StavePlayer.queue()"))
        .isEqualTo(
            List.of(album.get(0), album.get(2), album.get(1)).stream()
                .map(String::valueOf)
                .toList());
    browser.find("#player-queue li:nth-child(2) [data-queue-action=remove]").click();
    assertThat(browser.script("return window.StavePlayer.queue()"))
        .isEqualTo(List.of(String.valueOf(album.get(0)), String.valueOf(album.get(1))));

    // The keyboard help, then the accessibility scan with the player, its queue and help open.
    browser.find("#player [data-player=help-toggle]").click();
    assertThat(browser.find("#player-help").getText())
        .contains("play or pause", "next or previous");
    browser.assertAccessible();
    browser.find("#player [data-player=help-toggle]").click();
    browser.screenshot("player");
  }

  @Test
  void aTrackWithoutAudioIsAnnouncedInThePlayer() {
    browser.go("/playground");
    String id =
        browser
            .find("#seed-suggestions .add-seed")
            .getDomAttribute("href")
            .replaceAll(".*seed=", "");
    browser.script("window.StavePlayer.playNow(arguments[0])", id);
    browser.waitFor(
        10,
        d ->
            d.findElement(By.cssSelector("#player [data-player=status]"))
                .getText()
                .contains("No audio"));
  }
}

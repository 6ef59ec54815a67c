package dev.stave.site.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.Browser;
import dev.stave.testsupport.StavePlayerSiteTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The playground in headless Chromium, as a visitor uses it: types part of a track's name, picks it
 * from the suggestions, gets a list; moves the energy slider with the keyboard and the list changes
 * in place with the state pushed into the URL; the back button brings the previous list back. The
 * page passes the accessibility scan and is pictured.
 */
@StavePlayerSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundBrowserTest {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private Browser browser;

  @BeforeAll
  void open() {
    browser = Browser.open("http://127.0.0.1:" + port);
  }

  @AfterAll
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  /** The ids of the list, read in one script (the list may be swapped between two reads). */
  @SuppressWarnings("unchecked")
  private List<String> results() {
    return (List<String>)
        browser.script(
            "return Array.from(document.querySelectorAll('#results [data-track-id]'))"
                + ".map(function (e) { return e.getAttribute('data-track-id'); })");
  }

  @Test
  void aSeedGivesAListThatChangesWhenASliderMovesAndTheBackButtonRestores() {
    long seed =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM tracks WHERE energy BETWEEN 0.3 AND 0.5", Long.class);
    String name = jdbc.queryForObject("SELECT name FROM tracks WHERE id = ?", String.class, seed);
    String word = name.split("\\s+")[0];

    browser.go("/playground");
    WebElement search = browser.find("#seed-q");
    search.sendKeys(word);
    browser.waitFor(
        10, d -> d.findElement(By.id("seed-suggestions")).getText().contains("Tracks matching"));
    assertThat(browser.driver().getCurrentUrl())
        .as("typing does not push a history entry")
        .endsWith("/playground");
    browser.find("#seed-suggestions a.add-seed[href*='seed=" + seed + "']").click();
    browser.waitFor(10, d -> results().size() == PlaygroundController.RESULTS);
    assertThat(browser.driver().getCurrentUrl()).endsWith("/playground?seed=" + seed);
    List<String> first = results();
    assertThat(first).doesNotContain(String.valueOf(seed));

    WebElement energy = browser.find("#energy");
    energy.sendKeys(Keys.END);
    browser.waitFor(10, d -> !results().equals(first) && !results().isEmpty());
    assertThat(browser.driver().getCurrentUrl()).contains("seed=" + seed, "t=energy", "energy=1");
    assertThat(browser.find("#use-energy").isSelected())
        .as("moving a slider switches its target on")
        .isTrue();
    assertThat(browser.find("#out-energy").getText()).isEqualTo("1.00");
    assertThat(browser.find("#energy").getDomAttribute("aria-valuetext")).isEqualTo("1.00");
    List<String> energetic = results();

    browser.assertAccessible();
    browser.script("document.getElementById('seeds-h').scrollIntoView()");
    browser.screenshot("playground");

    browser.driver().navigate().back();
    browser.waitFor(10, d -> d.getCurrentUrl().endsWith("/playground?seed=" + seed));
    browser.waitFor(10, d -> results().equals(first));
    browser.driver().navigate().forward();
    browser.waitFor(10, d -> results().equals(energetic));
  }
}

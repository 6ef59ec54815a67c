package dev.stave.site.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.usage.UsageMeter;
import dev.stave.testsupport.Browser;
import dev.stave.testsupport.StaveSiteTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The developer portal in a real browser (issue 13, item 7): sign up → register an app → copy the
 * client id → call {@code /v3.0/tracks} with it → the usage chart shows that call; every portal
 * page passes the accessibility scan and is pictured under {@code target/screenshots/}; "Try it"
 * opens the API documentation with the client id filled in.
 */
@StaveSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {
  @LocalServerPort int port;
  @Autowired UsageMeter meter;
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

  private WebDriver driver() {
    return browser.driver();
  }

  private void type(String name, String text) {
    var field = driver().findElement(By.name(name));
    field.clear();
    field.sendKeys(text);
  }

  private void submit(String formSelector) {
    browser.find(formSelector + " button[type=submit]").click();
  }

  private void scanAndPicture(String name) {
    browser.assertAccessible();
    browser.screenshot(name);
  }

  @Test
  void signUpRegisterCallAndSeeTheCallInTheUsageChart() {
    // sign up, then log in as a newcomer would
    browser.go("/developer");
    assertThat(driver().getCurrentUrl()).endsWith("/login");
    browser.go("/signup");
    type("name", "portalbrowser");
    type("email", "portalbrowser@example.org");
    type("password", "a long passphrase");
    submit("main form");
    browser.waitFor(10, d -> d.getCurrentUrl().contains("/login"));
    type("username", "portalbrowser");
    type("password", "a long passphrase");
    submit("main form");
    browser.waitFor(10, d -> !d.getCurrentUrl().contains("/login"));

    browser.go("/developer/apps");
    assertThat(browser.find("main").getText()).contains("You have not registered an app yet");
    scanAndPicture("portal-apps-empty");

    // register: an error first, shown next to its field, then the app
    browser.find("a.button.primary[href='/developer/apps/new']").click();
    browser.waitFor(10, d -> d.findElements(By.id("app-name")).size() == 1);
    scanAndPicture("portal-register");
    type("redirectUris", "https://example.org/a/../callback");
    submit("main form");
    browser.waitFor(10, d -> d.findElements(By.id("app-name-error")).size() == 1);
    assertThat(browser.find("#app-name-error").getText()).isEqualTo("Give the app a name");
    assertThat(browser.find("#app-uris-error").getText()).contains("dot segments");
    scanAndPicture("portal-register-errors");
    type("name", "Browser player");
    type("description", "Plays the catalog in a browser");
    type("redirectUris", "https://example.org/callback");
    submit("main form");
    browser.waitFor(10, d -> d.findElements(By.id("client-id")).size() == 1);
    String clientId = browser.find("#client-id").getText();
    assertThat(clientId).matches("[0-9a-f]{32}");
    assertThat(browser.find("#client-secret").getText()).hasSize(43);
    scanAndPicture("portal-app");

    // call the API with the copied client id, as the developer's app would
    browser.go("/v3.0/tracks?client_id=" + clientId + "&limit=3");
    assertThat(driver().getPageSource()).contains("\"status\":\"success\"");

    // the counts reach the store at the next flush; then the chart shows the call
    meter.flush();
    browser.go("/developer/apps/" + clientId + "/usage");
    browser.waitFor(
        10, d -> browser.script("return !!document.getElementById('chart-hourly').uplot"));
    long charted =
        ((Number)
                browser.script(
                    "var u = document.getElementById('chart-hourly').uplot;"
                        + "var i = u.series.findIndex(function (s) { return s.label === 'jamendo tracks'; });"
                        + "return i < 0 ? -1 : u.data[i].reduce(function (a, b) { return a + b; }, 0);"))
            .longValue();
    assertThat(charted).as("calls of jamendo tracks drawn in the hourly chart").isEqualTo(1);
    assertThat(browser.findAll("#chart-hourly canvas, #chart-daily canvas")).hasSize(2);
    assertThat(browser.find("#usage-total").getText()).isEqualTo("1");
    assertThat(browser.find("#usage-methods").getText()).contains("jamendo tracks");
    scanAndPicture("portal-usage");
    driver().manage().window().setSize(new Dimension(390, 844));
    browser.go("/developer/apps/" + clientId + "/usage");
    browser.waitFor(
        10, d -> browser.script("return !!document.getElementById('chart-daily').uplot"));
    assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= 390"))
        .as("the usage page fits a phone's width")
        .isTrue();
    scanAndPicture("portal-usage-phone");
    driver().manage().window().setSize(new Dimension(1280, 900));

    // the app list, the delete confirmation
    browser.go("/developer/apps");
    assertThat(browser.find("main").getText()).contains("Browser player", clientId);
    scanAndPicture("portal-apps");
    browser.go("/developer/apps/" + clientId + "/delete");
    scanAndPicture("portal-delete");

    // "Try it": the API documentation opens with the client id in its authorizations
    browser.go("/developer/apps/" + clientId + "/try");
    // (/docs is springdoc's entry, which redirects to Swagger UI's own page)
    browser.waitFor(20, d -> !d.findElements(By.cssSelector(".btn.authorize")).isEmpty());
    Object stored = browser.script("return localStorage.getItem('authorized')");
    assertThat(String.valueOf(stored)).contains(clientId);
    browser.waitFor(20, d -> !d.findElements(By.cssSelector(".btn.authorize.locked")).isEmpty());
    browser.screenshot("portal-try-it-docs");
  }
}

package dev.stave.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.Browser;
import dev.stave.testsupport.StaveSiteTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page in a real browser: it renders, passes the accessibility scan, and is pictured. */
@StaveSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageBrowserTest {
  @LocalServerPort int port;
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

  @Test
  void homeRendersAccessiblyOnDesktopAndPhone() {
    browser.go("/");
    assertThat(browser.driver().getTitle()).contains("Stave");
    assertThat(browser.find(".stats").getText()).contains("Tracks", "Albums", "Artists");
    assertThat((Boolean) browser.script("return typeof htmx !== 'undefined'"))
        .as("htmx loaded from the webjar under the content security policy")
        .isTrue();
    browser.assertAccessible();
    browser.screenshot("home");

    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    browser.go("/");
    browser.assertAccessible();
    browser.screenshot("home-phone");
  }

  @Test
  void theAccountPagesShareTheLookAndPassTheScan() {
    for (String page : java.util.List.of("login", "signup")) {
      browser.go("/" + page);
      assertThat(browser.find("main form button[type=submit]").isDisplayed()).isTrue();
      browser.assertAccessible();
      browser.screenshot("account-" + page);
    }
    // A refused sign-up shows its error next to the field it concerns, and still scans clean.
    browser.go("/signup");
    browser.find("#name").sendKeys("x");
    browser.find("#email").sendKeys("someone@example.org");
    browser.find("#password").sendKeys("long enough password");
    browser.find("main form button[type=submit]").click();
    browser.waitFor(10, d -> !d.findElements(org.openqa.selenium.By.id("name-error")).isEmpty());
    assertThat(browser.find("#name").getDomAttribute("aria-invalid")).isEqualTo("true");
    browser.assertAccessible();
    browser.screenshot("account-signup-error");
  }
}

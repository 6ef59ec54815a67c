package dev.stave.site.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.Accounts;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.AppSelfService;
import dev.stave.testsupport.Browser;
import dev.stave.testsupport.StaveSiteTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console in a real browser (issue 13 item 7): an operator logs in, finds an app,
 * suspends it with the button, sees it suspended, the API answers code 11 for its client id and the
 * developer portal shows the app suspended; every console page passes the accessibility scan and is
 * pictured under {@code target/screenshots/}, the server page with its charts drawn.
 */
@StaveSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
  private static final String PASSWORD = "console browser pw";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired AppRegistry apps;
  @Autowired AppSelfService selfService;
  @Autowired ServerMetricsHistory metrics;

  private final String run = Long.toString(System.nanoTime(), 36);
  private Browser browser;
  private String operator;

  @BeforeAll
  void operatorInABrowser() {
    operator = "console-ops-" + run;
    accounts.create(operator, operator + "@mail.example", PASSWORD);
    accounts.setOperator(
        operator, true); // the CLI's way is ConsolePagesTest's and UsersCommandTest's
    browser = Browser.open("http://127.0.0.1:" + port);
    browser.go("/console/apps");
    // not logged in: the login page, then back to the console
    browser.waitFor(10, d -> d.getCurrentUrl().contains("/login"));
    browser.find("input[name=username]").sendKeys(operator);
    browser.find("input[name=password]").sendKeys(PASSWORD);
    browser.find("form button[type=submit]").click();
    browser.waitFor(10, d -> d.getCurrentUrl().contains("/console/apps"));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private int jamendoCode(String clientId) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            browser.baseUrl() + "/v3.0/tracks?limit=1&client_id=" + clientId))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JsonMapper.builder().build().readTree(r.body()).path("headers").path("code").asInt();
  }

  @Test
  void operatorSuspendsAnAppTheApiAnswersCode11AndThePortalShowsItSuspended() throws Exception {
    // an app the operator's own account registered in the developer portal, so the same browser
    // can open its portal page too
    long owner = accounts.login(operator).orElseThrow().userId();
    App app =
        selfService
            .register(
                owner,
                operator,
                new AppSelfService.Registration(
                    "Browser Player " + run, "", List.of(), App.Plan.READ_ONLY))
            .app();
    assertThat(jamendoCode(app.clientId())).isZero();

    browser.go("/console/apps");
    browser.find("#console-q").sendKeys("Browser Player " + run);
    browser.find(".console-search button[type=submit]").click();
    browser.waitFor(10, d -> d.findElements(By.linkText("Browser Player " + run)).size() == 1);
    browser.assertAccessible();
    browser.screenshot("console-apps");

    browser.driver().findElement(By.linkText("Browser Player " + run)).click();
    browser.waitFor(10, d -> d.getCurrentUrl().endsWith("/console/apps/" + app.clientId()));
    browser.assertAccessible();
    browser.find("form[action$='/suspend'] button").click();
    browser.waitFor(10, d -> d.findElement(By.id("app-state")).getText().equals("suspended"));
    assertThat(browser.find(".notice.ok").getText()).contains("Suspended Browser Player " + run);
    browser.assertAccessible();
    browser.screenshot("console-app-suspended");

    assertThat(jamendoCode(app.clientId())).isEqualTo(11);
    assertThat(apps.require(app.clientId()).state()).isEqualTo(App.State.SUSPENDED);

    browser.go("/developer/apps/" + app.clientId());
    assertThat(browser.find("main").getText()).contains("suspended");
    browser.screenshot("console-app-suspended-portal");
  }

  @Test
  void theUsersCatalogAndServerPagesAreAccessibleAndPictured() {
    browser.go("/console/users");
    assertThat(browser.find("h1").getText()).isEqualTo("Users");
    browser.assertAccessible();
    browser.screenshot("console-users");

    browser.go("/console/catalog");
    assertThat(browser.find("#index-generation").getText()).startsWith("gen-");
    browser.assertAccessible();
    browser.screenshot("console-catalog");

    metrics.sample();
    metrics.sample(); // at least one sample after the baseline, so the charts have points
    browser.go("/console/server");
    browser.waitFor(
        15,
        d ->
            d.findElement(By.cssSelector(".console-charts")).getAttribute("data-drawn") != null
                && d.findElements(By.cssSelector("#chart-rate canvas")).size() == 1);
    assertThat(browser.find(".console-charts").getAttribute("data-drawn")).isNotEqualTo("error");
    assertThat(browser.findAll(".console-charts canvas")).hasSize(3);
    browser.assertAccessible();
    browser.screenshot("console-server");
  }
}

package dev.stave.site.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.OAuthBrowser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session on the console over plain HTTP: logs in on the login page, opens pages and
 * submits their forms with the CSRF token the page carries, as a browser without script does.
 */
final class ConsoleSession {
  /** The token of a form's hidden field, or of the layout's {@code <meta name="_csrf">}. */
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

  final OAuthBrowser browser;

  ConsoleSession(int port) {
    this.browser = new OAuthBrowser(port);
  }

  /** Logs in; fails the test unless the login is accepted. */
  ConsoleSession logIn(String name, String password) throws Exception {
    HttpResponse<String> r = browser.logIn(name, password);
    assertThat(OAuthBrowser.location(r)).as("login of %s", name).doesNotContain("error");
    return this;
  }

  HttpResponse<String> get(String path) throws Exception {
    return browser.get(path);
  }

  /** Opens {@code page} and posts {@code fields} to {@code action} with the page's CSRF token. */
  HttpResponse<String> submit(String page, String action, Map<String, String> fields)
      throws Exception {
    HttpResponse<String> opened = browser.get(page);
    Matcher m = CSRF.matcher(opened.body());
    assertThat(m.find()).as("a CSRF token on %s (HTTP %s)", page, opened.statusCode()).isTrue();
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", m.group(1));
    return browser.post(action, form);
  }

  /** Follows the redirect that answers a successful action and returns the page it leads to. */
  HttpResponse<String> follow(HttpResponse<String> redirect) throws Exception {
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    return browser.get(OAuthBrowser.location(redirect));
  }
}

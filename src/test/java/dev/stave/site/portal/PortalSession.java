package dev.stave.site.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the developer portal over HTTP, as a browser without script: cookies kept, no
 * redirect followed (the tests look at each), forms posted with the CSRF token of the page they
 * came from. Signs up and logs in the way a person does.
 */
final class PortalSession {
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;

  PortalSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .header("Accept", "text/html")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code fields} to {@code action} with the CSRF token of {@code page}. */
  HttpResponse<String> submit(String page, String action, Map<String, String> fields)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf(get(page).body()));
    form.putAll(fields);
    return post(action, form);
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in " + html);
    }
    return m.group(1);
  }

  /** Signs up as {@code name} and logs in. */
  PortalSession signUpAndLogIn(String name) throws IOException, InterruptedException {
    HttpResponse<String> signup =
        submit(
            "/signup",
            "/signup",
            Map.of("name", name, "email", name + "@example.org", "password", "correct horse"));
    if (signup.statusCode() != 303) {
      throw new AssertionError("sign-up failed: " + signup.body());
    }
    HttpResponse<String> login =
        submit("/login", "/login", Map.of("username", name, "password", "correct horse"));
    if (login.statusCode() != 302 || location(login).contains("error")) {
      throw new AssertionError("login failed: " + login.headers().map());
    }
    return this;
  }

  static String location(HttpResponse<?> r) {
    return r.headers().firstValue("Location").orElse("");
  }
}

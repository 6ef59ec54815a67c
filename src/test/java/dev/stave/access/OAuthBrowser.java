package dev.stave.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's browser and an app's HTTP client against a test server (also the web face's page
 * tests'): a cookie jar, no automatic redirects, form posts with the page's CSRF token, and the
 * OAuth2 authorize and grant steps the way a client performs them.
 */
public final class OAuthBrowser {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"\\s*/?>");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;

  public OAuthBrowser(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public String base() {
    return base;
  }

  public HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(pathOrUrl)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String pathOrUrl, Map<String, String> form)
      throws IOException, InterruptedException {
    return post(pathOrUrl, form, Map.of());
  }

  HttpResponse<String> post(String pathOrUrl, Map<String, String> form, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts an urlencoded body as given, e.g. with a parameter repeated. */
  HttpResponse<String> postEncoded(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a multipart/form-data body, as R's httr does. */
  HttpResponse<String> postMultipart(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    String boundary = "staveBoundary" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Submits the form of a page: its hidden fields (CSRF token included) plus {@code fields}. */
  HttpResponse<String> submit(String page, String action, Map<String, String> fields)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>(hidden(get(page).body()));
    form.putAll(fields);
    return post(action, form);
  }

  /** Logs in on the login page; returns the response to the login post. */
  public HttpResponse<String> logIn(String login, String password)
      throws IOException, InterruptedException {
    return submit("/login", "/login", Map.of("username", login, "password", password));
  }

  /**
   * The authorize flow of a user who is not logged in yet: authorize, log in, approve on the
   * consent page. Returns where the server finally redirects the browser (the app's redirect URI
   * with {@code code} and {@code state}, or an error).
   *
   * @param query the authorize request's query string, without {@code ?}
   */
  String authorize(String query, String login, String password, boolean allow)
      throws IOException, InterruptedException {
    HttpResponse<String> first = get("/v3.0/oauth/authorize?" + query);
    String next = location(first);
    if (next.endsWith("/login")) {
      HttpResponse<String> loggedIn = logIn(login, password);
      next = location(loggedIn);
    }
    return consent(next, allow);
  }

  /** Opens the consent page at {@code url} and approves or denies; returns the redirect. */
  String consent(String url, boolean allow) throws IOException, InterruptedException {
    if (!url.startsWith(base)) {
      return url; // logged in and consent already given: straight back to the app
    }
    HttpResponse<String> page = get(url);
    while (page.statusCode() == 302 && location(page).startsWith(base)) {
      page = get(location(page)); // authorize → the consent page
    }
    if (page.statusCode() == 302) {
      return location(page); // consent already given: back to the app
    }
    if (page.statusCode() != 200 || !page.body().contains("asks for access")) {
      throw new AssertionError("no consent page at " + url + ": " + page.body());
    }
    List<Map<String, String>> forms = forms(page.body());
    Map<String, String> form = allow ? forms.get(0) : forms.get(1);
    return location(post("/v3.0/oauth/authorize", form));
  }

  static String authorizeQuery(String clientId, String redirect, String state) {
    return "client_id="
        + clientId
        + (redirect == null
            ? ""
            : "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8))
        + "&scope=music&response_type=code&state="
        + state;
  }

  static Map<String, String> codeGrant(AppRegistry.Issued app, String code, String redirect) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", app.app().clientId());
    form.put("client_secret", app.clientSecret());
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    if (redirect != null) {
      form.put("redirect_uri", redirect);
    }
    return form;
  }

  static Map<String, String> refreshGrant(AppRegistry.Issued app, String refreshToken) {
    return Map.of(
        "client_id",
        app.app().clientId(),
        "client_secret",
        app.clientSecret(),
        "grant_type",
        "refresh_token",
        "refresh_token",
        refreshToken);
  }

  /**
   * The whole flow for a user who logs in with {@code password}: authorize with {@code redirect},
   * approve, exchange the code. Returns the grant's JSON.
   */
  JsonNode tokens(AppRegistry.Issued app, String user, String password, String redirect)
      throws IOException, InterruptedException {
    String back =
        authorize(authorizeQuery(app.app().clientId(), redirect, "s1"), user, password, true);
    HttpResponse<String> r = grant(codeGrant(app, codeOf(back), redirect));
    if (r.statusCode() != 200) {
      throw new AssertionError("grant failed: " + r.body());
    }
    return json(r);
  }

  /** The {@code code} parameter of a redirect URL. */
  static String codeOf(String redirect) {
    return param(redirect, "code");
  }

  static String param(String url, String name) {
    return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(name);
  }

  /** POST /v3.0/oauth/grant with the form; client credentials in the body. */
  HttpResponse<String> grant(Map<String, String> form) throws IOException, InterruptedException {
    return post("/v3.0/oauth/grant", form);
  }

  /** POST /v3.0/oauth/grant with client credentials as HTTP Basic. */
  HttpResponse<String> grantBasic(String clientId, String secret, Map<String, String> form)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return post("/v3.0/oauth/grant", form, Map.of("Authorization", "Basic " + basic));
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  public static String location(HttpResponse<String> r) {
    return r.headers()
        .firstValue("Location")
        .orElseThrow(
            () -> new AssertionError("no redirect (HTTP " + r.statusCode() + "): " + r.body()));
  }

  private static Map<String, String> hidden(String html) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      out.put(m.group(1), unescape(m.group(2)));
    }
    return out;
  }

  /** The consent page's forms, Allow first and Deny second (the page header's search aside). */
  private static List<Map<String, String>> forms(String html) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String part : html.split("<form ")) {
      if (part.contains("</form>") && part.contains("name=\"client_id\"")) {
        out.add(hidden(part.substring(0, part.indexOf("</form>"))));
      }
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  static String encode(Map<String, String> form) {
    List<String> parts = new ArrayList<>();
    form.forEach(
        (k, v) ->
            parts.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }
}

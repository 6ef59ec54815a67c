package dev.stave.fuzz;

import dev.stave.fuzz.OpenApiOperations.Operation;
import dev.stave.testsupport.RawHttp;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer to a fuzzed request must satisfy (issue 12, item 7): no 5xx, nothing of the
 * server's insides in the body (stack frames, Java class names), never Spring's or Tomcat's own
 * error document, and a refusal in the dialect's own envelope that names the parameter at fault.
 * Each check throws an {@link AssertionError} saying what was wrong with the answer.
 */
final class ResponseChecks {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What no body may contain: stack frames, package and exception names, Spring's error page. */
  static final List<String> LEAKS =
      List.of(
          "java.",
          "javax.",
          "jakarta.",
          "org.springframework",
          "org.apache",
          "Exception",
          "at dev.stave",
          "dev.stave.",
          "Whitelabel",
          "\tat ");

  /** Jamendo codes for a parameter at fault (spec §4): Type, Required and Needed Parameter. */
  private static final Set<Integer> JAMENDO_PARAMETER_CODES = Set.of(3, 4, 8);

  /** ReccoBeats codes for a parameter at fault (spec §5.3): missing, bad date, constraint. */
  private static final Set<Integer> RECCOBEATS_PARAMETER_CODES = Set.of(4001, 4003, 4004);

  private static final Pattern XML_FIELD = Pattern.compile("<(status|code|error_message)>([^<]*)<");

  /** Spring Boot's default {@code server.max-http-request-header-size}, 8 KB. */
  static final int MAX_REQUEST_LINE = 8 * 1024;

  private ResponseChecks() {}

  private static void requireNoLeak(RawHttp.Response r) {
    for (String leak : LEAKS) {
      if (r.body().contains(leak)) {
        throw new AssertionError("the body shows '" + leak + "': " + r.body());
      }
    }
  }

  static void check(Operation op, FuzzRequest request, RawHttp.Response r) {
    if (r.status() >= 500) {
      throw new AssertionError("HTTP " + r.status() + ": " + r.body());
    }
    if (r.status() == 400 && request.requestLine().length() > MAX_REQUEST_LINE) {
      // Tomcat refuses a request line over its header buffer before it has read the path, so no
      // dialect can be told; it answers its bare 400 page, without server details (README).
      requireNoLeak(r);
      return;
    }
    requireNoLeak(r);
    JsonNode json = json(r.body());
    if (json != null
        && json.has("timestamp")
        && json.has("path")
        && !json.path("path").asString().startsWith("uri=")) {
      throw new AssertionError("Spring's error document reached the client: " + r.body());
    }
    if ("HEAD".equals(request.method()) || r.body().isEmpty() && r.status() < 400) {
      return;
    }
    String path = request.target();
    if (path.startsWith("/v3.0/oauth")) {
      oauth(r, json);
    } else if (path.startsWith("/v3.0")) {
      jamendo(op, r, json);
    } else if (path.startsWith("/v1")) {
      reccoBeats(op, r, json);
    }
  }

  /** OAuth endpoints answer RFC 6749 errors: JSON with {@code error}, or a redirect, or a page. */
  private static void oauth(RawHttp.Response r, JsonNode json) {
    if (r.status() == 400 && json != null && !json.has("error") && !json.has("headers")) {
      throw new AssertionError("an OAuth refusal without 'error': " + r.body());
    }
  }

  private static void jamendo(Operation op, RawHttp.Response r, JsonNode json) {
    if (r.status() >= 300 && r.status() < 400) {
      return; // a file method's redirect
    }
    String type = String.valueOf(r.header("content-type"));
    if (r.status() == 404 && type.startsWith("text/plain")) {
      return; // a file method's missing file (spec §3.5)
    }
    String status;
    int code;
    String message;
    if (type.contains("xml")) {
      Matcher m = XML_FIELD.matcher(r.body());
      java.util.Map<String, String> fields = new java.util.HashMap<>();
      while (m.find()) {
        fields.putIfAbsent(m.group(1), m.group(2));
      }
      status = fields.get("status");
      code = Integer.parseInt(fields.getOrDefault("code", "-1"));
      message = fields.getOrDefault("error_message", "");
    } else {
      JsonNode doc = json != null ? json : json(unwrapJsonp(r.body()));
      if (doc == null || !doc.has("headers")) {
        if (r.status() >= 400) {
          throw new AssertionError("a refusal without the Jamendo envelope: " + r.body());
        }
        return; // not an envelope: a stream or a redirect page
      }
      JsonNode headers = doc.get("headers");
      status = headers.path("status").asString();
      code = headers.path("code").asInt();
      message = headers.path("error_message").asString();
    }
    if (r.status() >= 400 && !"failed".equals(status)) {
      throw new AssertionError("HTTP " + r.status() + " without a failed envelope: " + r.body());
    }
    if (!"failed".equals(status)) {
      return;
    }
    if (code == 1) {
      throw new AssertionError("code 1 (an unexpected exception) answered: " + r.body());
    }
    if (r.status() == 200 && JAMENDO_PARAMETER_CODES.contains(code)) {
      requireNamed(op, message, r.body());
    }
  }

  private static void reccoBeats(Operation op, RawHttp.Response r, JsonNode json) {
    if (r.status() < 400) {
      return;
    }
    if (json == null || !json.has("status")) {
      throw new AssertionError("a refusal without a ReccoBeats envelope: " + r.body());
    }
    int code = json.get("status").asInt();
    if (code < 4000 || code > 4999) {
      throw new AssertionError("a refusal without a ReccoBeats code: " + r.body());
    }
    if (json.has("errors")) {
      StringBuilder fields = new StringBuilder();
      json.get("errors").forEach(e -> fields.append(e.path("path").asString()).append(' '));
      requireNamed(op, fields.toString(), r.body());
    } else {
      if (!json.path("path").asString().startsWith("uri=")) {
        throw new AssertionError("envelope A without 'uri=' in path: " + r.body());
      }
      if (RECCOBEATS_PARAMETER_CODES.contains(code)) {
        requireNamed(op, json.path("error").asString(), r.body());
      }
    }
  }

  private static void requireNamed(Operation op, String message, String body) {
    boolean named =
        op.params().stream().anyMatch(p -> message.contains(p.name()))
            || message.contains("format")
            || message.contains("callback");
    if (!named) {
      throw new AssertionError("a parameter refusal that names no parameter: " + body);
    }
  }

  private static String unwrapJsonp(String body) {
    int open = body.indexOf('(');
    int close = body.lastIndexOf(')');
    return open >= 0 && close > open ? body.substring(open + 1, close) : body;
  }

  private static JsonNode json(String body) {
    String trimmed = body.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return JSON.readTree(trimmed);
    } catch (RuntimeException e) {
      return null;
    }
  }
}

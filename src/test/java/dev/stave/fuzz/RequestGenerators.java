package dev.stave.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.stave.fuzz.OpenApiOperations.In;
import dev.stave.fuzz.OpenApiOperations.Operation;
import dev.stave.fuzz.OpenApiOperations.Param;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generates requests for one OpenAPI operation: every parameter (query, path, header, body field)
 * absent, valid, or one of boundary, wrong-type, unicode, control-character, oversized, malformed
 * percent-encoding and repeated values; the right HTTP method or a wrong one; bodies well-formed,
 * malformed, of another media type or oversized; hostile headers (Accept, Authorization, Range,
 * Content-Encoding…). Choices are ordered so that shrinking moves towards a valid request: the
 * first alternative of each choice is the plainest.
 */
final class RequestGenerators {
  /** Values that work (a registered client id, a user's token, ids in the test catalog). */
  record Known(
      List<String> clientIds,
      String accessToken,
      String clientSecret,
      String redirectUri,
      List<String> ids) {}

  /** A parameter's value: the text, whether it goes on the wire unencoded, and how many times. */
  record Value(String text, boolean raw, int repeat) {}

  /** A parameter with its value, or without one (absent). */
  record Assigned(Param param, Optional<Value> value) {}

  private enum BodyMode {
    NONE,
    FORM,
    MULTIPART,
    MULTIPART_NO_BOUNDARY,
    MULTIPART_TRUNCATED,
    JSON,
    RANDOM_BYTES,
    OVERSIZED_FORM
  }

  static final List<String> BOUNDARY =
      List.of(
          "0",
          "-1",
          "1",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "1e308",
          "-0",
          "NaN",
          "Infinity",
          "0x1F",
          "1.5",
          "00000000001",
          "");
  static final List<String> WRONG_TYPE =
      List.of(
          "abc",
          "true",
          "null",
          "[1]",
          "{}",
          "1,2",
          "1 2",
          " 1 ",
          "1;2",
          "-",
          "2020-13-45",
          "_",
          "*",
          "a,b,,c",
          "id+desc",
          "popularity_total_desc_asc");
  static final List<String> UNICODE =
      List.of(
          "é",
          "日本語",
          "🎵🎶",
          "\u202Eevil",
          "\uFEFFbom",
          "ｔｒａｃｋ",
          "e\u0301",
          "Ω≈ç√",
          "\uD800",
          "ß",
          "İ",
          "\u0130stanbul",
          "مرحبا");
  static final List<String> CONTROL =
      List.of("\u0000", "\t", "\r\n", "\u0007", "\u001B[31m", "\u007F", "a\u0000b", "\u0085", "\b");
  static final List<String> MALFORMED_ENCODING =
      List.of("%", "%zz", "%C3%28", "%FF%FE", "%%", "%u0041", "%E2%82", "%0", "a%2", "%00");
  static final List<String> OVERSIZED =
      List.of(
          "9".repeat(2_000),
          "a".repeat(10_000),
          "1,".repeat(1_000) + "1",
          "+".repeat(1_500),
          "日".repeat(250),
          "x ".repeat(1_000));
  static final List<String> METHODS_WRONG =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW");
  static final List<String> WORDS =
      List.of("rock", "a", "the", "Ana", "lounge", "2020-01-01", "2020-01-01_2021-01-01", "json");

  private final Known known;

  RequestGenerators(Known known) {
    this.known = known;
  }

  Gen<FuzzRequest> forOperation(Operation op) {
    Gen<List<Assigned>> params = Generate.constant(List.of());
    for (Param p : op.params()) {
      params = params.zip(assigned(p), RequestGenerators::append);
    }
    Gen<String> method =
        Generate.frequency(
            Pair.of(9, Generate.constant(op.method())), Pair.of(1, Generate.pick(METHODS_WRONG)));
    Gen<String> suffix =
        Generate.frequency(
            Pair.of(18, Generate.constant("")),
            Pair.of(1, Generate.constant("/")),
            Pair.of(1, Generate.pick(List.of("/x", "//", "/..", "/%2e%2e/", ";x=1", "/."))));
    Gen<BodyMode> body =
        op.bodyTypes().isEmpty()
            ? Generate.frequency(
                Pair.of(18, Generate.constant(BodyMode.NONE)),
                Pair.of(2, Generate.pick(List.of(BodyMode.values()))))
            : Generate.frequency(
                Pair.of(5, Generate.constant(BodyMode.NONE)),
                Pair.of(6, Generate.constant(BodyMode.FORM)),
                Pair.of(5, Generate.constant(BodyMode.MULTIPART)),
                Pair.of(3, Generate.pick(List.of(BodyMode.values()))));
    return params.zip(
        method, suffix, headers(), body, (ps, m, sfx, hs, b) -> build(op, ps, m, sfx, hs, b));
  }

  private static List<Assigned> append(List<Assigned> list, Assigned a) {
    List<Assigned> out = new ArrayList<>(list);
    out.add(a);
    return out;
  }

  private Gen<Assigned> assigned(Param p) {
    Gen<Optional<Value>> present = value(p).map((Value v) -> Optional.of(v));
    Gen<Optional<Value>> absent = Generate.constant(Optional.empty());
    int absentWeight = p.in() == In.PATH ? 0 : p.required() ? 1 : 3;
    Gen<Optional<Value>> either =
        absentWeight == 0
            ? present
            : Generate.frequency(Pair.of(absentWeight, absent), Pair.of(7, present));
    return either.map(v -> new Assigned(p, v));
  }

  private Gen<Value> value(Param p) {
    Gen<String> text =
        Generate.frequency(
            Pair.of(40, valid(p)),
            Pair.of(10, Generate.pick(BOUNDARY)),
            Pair.of(10, Generate.pick(WRONG_TYPE)),
            Pair.of(8, Generate.pick(UNICODE)),
            Pair.of(6, Generate.pick(CONTROL)),
            Pair.of(4, Generate.pick(OVERSIZED)),
            Pair.of(6, strings().allPossible().ofLengthBetween(0, 30)));
    Gen<Boolean> raw =
        Generate.frequency(
            Pair.of(9, Generate.constant(false)), Pair.of(1, Generate.constant(true)));
    Gen<Integer> repeat =
        Generate.frequency(
            Pair.of(17, Generate.constant(1)),
            Pair.of(2, integers().between(2, 3)),
            Pair.of(1, integers().between(20, 60)));
    Gen<String> malformed = Generate.pick(MALFORMED_ENCODING);
    return text.zip(
        raw,
        malformed,
        repeat,
        (t, isRaw, bad, n) -> isRaw ? new Value(bad, true, n) : new Value(t, false, n));
  }

  private Gen<String> valid(Param p) {
    if (!p.enumValues().isEmpty()) {
      return Generate.pick(p.enumValues());
    }
    return switch (p.name()) {
      case "client_id" -> Generate.pick(known.clientIds());
      case "access_token" -> Generate.constant(known.accessToken());
      case "client_secret" -> Generate.constant(known.clientSecret());
      case "redirect_uri" -> Generate.constant(known.redirectUri());
      case "response_type" -> Generate.constant("code");
      case "grant_type" -> Generate.pick(List.of("authorization_code", "refresh_token"));
      case "scope" -> Generate.constant("music");
      default -> {
        if ("integer".equals(p.type()) || "number".equals(p.type())) {
          yield integers().between(0, 130).map((Integer i) -> String.valueOf(i));
        }
        if ("boolean".equals(p.type())) {
          yield Generate.pick(List.of("true", "false", "1", "0"));
        }
        if (p.name().contains("id")) {
          yield Generate.pick(known.ids());
        }
        yield Generate.pick(WORDS);
      }
    };
  }

  private Gen<List<String>> headers() {
    Gen<Optional<String>> accept =
        optional(
            List.of(
                "Accept: application/json",
                "Accept: application/xml",
                "Accept: */*",
                "Accept: image/png",
                "Accept: text/html;q=0.1",
                "Accept: garbage/////",
                "Accept: application/json;q=0",
                "Accept: 日本語"));
    Gen<Optional<String>> auth =
        optional(
            List.of(
                "Authorization: Bearer " + known.accessToken(),
                "Authorization: Bearer garbage",
                "Authorization: Basic !!!",
                "Authorization: Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString("a:b".getBytes(StandardCharsets.UTF_8)),
                "Authorization: Bearer " + "t".repeat(6_000),
                "Authorization: Digest x"));
    Gen<Optional<String>> other =
        optional(
            List.of(
                "Range: bytes=0-1",
                "Range: bytes=abc",
                "Range: bytes=-0",
                "Range: bytes=5-1,0-0,1-2",
                "If-None-Match: \"x\"",
                "If-Modified-Since: yesterday",
                "Origin: https://evil.example",
                "Origin: null",
                "X-Forwarded-For: not-an-ip",
                "X-Forwarded-For: 1.2.3.4, 5.6.7.8",
                "Cookie: JSESSIONID=garbage; SESSION=\u00e9",
                "User-Agent: 🎵 \u0001",
                "Accept-Charset: ebcdic",
                "Accept-Language: zz-ZZ;q=2",
                "Content-Encoding: gzip",
                "X-Big: " + "b".repeat(9_000)));
    return accept.zip(auth, other, (a, b, c) -> present(a, b, c));
  }

  private static Gen<Optional<String>> optional(List<String> values) {
    return Generate.frequency(
        Pair.of(3, Generate.constant(Optional.<String>empty())),
        Pair.of(1, Generate.pick(values).map((String v) -> Optional.of(v))));
  }

  @SafeVarargs
  private static List<String> present(Optional<String>... headers) {
    List<String> out = new ArrayList<>();
    for (Optional<String> h : headers) {
      h.ifPresent(out::add);
    }
    return out;
  }

  private FuzzRequest build(
      Operation op,
      List<Assigned> params,
      String method,
      String suffix,
      List<String> extraHeaders,
      BodyMode mode) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    List<String> headers = new ArrayList<>();
    List<Assigned> bodyParams = new ArrayList<>();
    boolean formBody = mode == BodyMode.FORM || mode == BodyMode.MULTIPART;
    for (Assigned a : params) {
      Param p = a.param();
      if (a.value().isEmpty()) {
        if (p.in() == In.PATH) {
          path = path.replace("{" + p.name() + "}", "");
        }
        continue;
      }
      Value v = a.value().get();
      switch (p.in()) {
        case PATH -> path = path.replace("{" + p.name() + "}", encoded(v));
        case HEADER ->
            headers.add(p.name() + ": " + v.text().replace('\r', ' ').replace('\n', ' '));
        case BODY -> {
          if (formBody) {
            bodyParams.add(a);
          } else {
            appendQuery(query, p.name(), v);
          }
        }
        case QUERY -> appendQuery(query, p.name(), v);
      }
    }
    headers.addAll(extraHeaders);
    byte[] body = body(mode, bodyParams, headers);
    String target = path + suffix + (query.isEmpty() ? "" : "?" + query);
    return new FuzzRequest(method, target, List.copyOf(headers), body);
  }

  private static void appendQuery(StringBuilder query, String name, Value v) {
    for (int i = 0; i < v.repeat(); i++) {
      if (!query.isEmpty()) {
        query.append('&');
      }
      query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(encoded(v));
    }
  }

  private static String encoded(Value v) {
    return v.raw() ? v.text() : URLEncoder.encode(v.text(), StandardCharsets.UTF_8);
  }

  private static byte[] body(BodyMode mode, List<Assigned> params, List<String> headers) {
    String boundary = "----stavefuzz";
    return switch (mode) {
      case NONE -> new byte[0];
      case FORM -> {
        headers.add("Content-Type: application/x-www-form-urlencoded");
        StringBuilder form = new StringBuilder();
        params.forEach(a -> appendQuery(form, a.param().name(), a.value().orElseThrow()));
        yield form.toString().getBytes(StandardCharsets.UTF_8);
      }
      case MULTIPART, MULTIPART_TRUNCATED -> {
        headers.add("Content-Type: multipart/form-data; boundary=" + boundary);
        byte[] whole = multipart(boundary, params);
        yield mode == BodyMode.MULTIPART
            ? whole
            : java.util.Arrays.copyOf(whole, Math.max(0, whole.length / 2));
      }
      case MULTIPART_NO_BOUNDARY -> {
        headers.add("Content-Type: multipart/form-data");
        yield multipart(boundary, params);
      }
      case JSON -> {
        headers.add("Content-Type: application/json");
        yield "{\"id\": [1, {\"$ne\": null}], \"name\": \"\\u0000\"}"
            .getBytes(StandardCharsets.UTF_8);
      }
      case RANDOM_BYTES -> {
        headers.add("Content-Type: application/octet-stream");
        byte[] bytes = new byte[257];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (i * 31 + 7);
        }
        yield bytes;
      }
      case OVERSIZED_FORM -> {
        headers.add("Content-Type: application/x-www-form-urlencoded");
        yield ("a=" + "b".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  private static byte[] multipart(String boundary, List<Assigned> params) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Assigned a : params) {
      Value v = a.value().orElseThrow();
      for (int i = 0; i < Math.min(v.repeat(), 5); i++) {
        String name = a.param().name().replace('"', '\'');
        StringBuilder part = new StringBuilder("--").append(boundary).append("\r\n");
        if ("binary".equals(a.param().type())) {
          part.append("Content-Disposition: form-data; name=\"")
              .append(name)
              .append("\"; filename=\"clip.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n");
        } else {
          part.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n");
        }
        out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(v.text().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}

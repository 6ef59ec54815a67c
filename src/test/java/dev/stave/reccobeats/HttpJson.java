package dev.stave.reccobeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.RealData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client's view of the dialect: HTTP requests and their JSON, plus shape helpers. */
final class HttpJson {
  /** A response: HTTP status, headers and the parsed body (null when empty). */
  record Response(int status, java.net.http.HttpHeaders headers, JsonNode json, String body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  HttpJson(int port) {
    this.port = port;
  }

  Response get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b);
  }

  Response send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
    return new Response(r.statusCode(), r.headers(), json, r.body());
  }

  /** A POST of one file as the multipart part {@code partName}, as a browser form sends it. */
  HttpRequest.Builder multipart(
      String path, String partName, String fileName, String contentType, byte[] bytes)
      throws IOException {
    String boundary = "----stave" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + partName
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** 200 and the JSON body. */
  JsonNode ok(String pathAndQuery) throws Exception {
    Response r = get(pathAndQuery);
    assertThat(r.status()).as(pathAndQuery + " → " + r.body()).isEqualTo(200);
    return r.json();
  }

  /** The {@code field} of every element of {@code content}. */
  static List<String> column(JsonNode envelope, String field) {
    List<String> out = new ArrayList<>();
    envelope.get("content").forEach(e -> out.add(e.get(field).asString()));
    return out;
  }

  /** The JSON type of a value: string, int, float, boolean, null, array or object. */
  static String type(JsonNode v) {
    if (v == null) {
      return "absent";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isString()) {
      return "string";
    }
    if (v.isIntegralNumber()) {
      return "int";
    }
    if (v.isNumber()) {
      return "float";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    return v.isArray() ? "array" : "object";
  }

  /** Field names in order, each with its JSON type. */
  static Map<String, String> shape(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), type(e.getValue())));
    return out;
  }

  static JsonNode capture(String file) throws Exception {
    Path p = RealData.require("reccobeats/" + file);
    return JsonMapper.builder().build().readTree(Files.readString(p));
  }

  /**
   * Same field names in the same order; each field's type is one the captures show (a string may
   * stand where the captures only show null; {@code mayBeNull} fields may be null where the
   * captures show a value — the catalog does not know them).
   */
  static void assertSameShape(JsonNode ours, JsonNode captured, String... mayBeNull) {
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    captured.forEach(
        c -> shape(c).forEach((k, v) -> seen.computeIfAbsent(k, x -> new TreeSet<>()).add(v)));
    Map<String, String> mine = shape(ours);
    assertThat(new ArrayList<>(mine.keySet()))
        .as("field names and order")
        .isEqualTo(new ArrayList<>(shape(captured.get(0)).keySet()));
    mine.forEach(
        (field, type) -> {
          Set<String> types = new TreeSet<>(seen.get(field));
          if (types.size() > 1) {
            types.remove("null");
          }
          boolean unknown = type.equals("null") && List.of(mayBeNull).contains(field);
          if (!unknown && !(types.equals(Set.of("null")) && type.equals("string"))) {
            assertThat(types).as("type of " + field).contains(type);
          }
        });
  }
}

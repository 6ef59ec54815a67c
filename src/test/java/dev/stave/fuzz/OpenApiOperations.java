package dev.stave.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations a running server describes in its OpenAPI documents, read over HTTP the way a
 * client generator reads them, so that an operation added to either dialect is fuzzed without
 * touching the fuzz test. Parameters include the API-key security schemes ({@code client_id},
 * {@code access_token}), which OpenAPI lists apart from the operation's own parameters.
 */
final class OpenApiOperations {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where a parameter goes. */
  enum In {
    QUERY,
    PATH,
    HEADER,
    BODY
  }

  /** One parameter: its name, place, JSON-schema type (or null), enum values and whether binary. */
  record Param(String name, In in, String type, List<String> enumValues, boolean required) {}

  /** One operation: HTTP method, path template, parameters and the body media types it takes. */
  record Operation(
      String document, String method, String path, List<Param> params, List<String> bodyTypes) {
    @Override
    public String toString() {
      return method + " " + path;
    }

    List<Param> in(In where) {
      return params.stream().filter(p -> p.in() == where).toList();
    }
  }

  private OpenApiOperations() {}

  /**
   * Every operation of the document at {@code /v3/api-docs/<group>} on the server at {@code port}.
   */
  static List<Operation> fetch(int port, String group) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v3/api-docs/" + group))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("/v3/api-docs/" + group + ": HTTP " + r.statusCode());
    }
    return parse(group, JSON.readTree(r.body()));
  }

  static List<Operation> parse(String group, JsonNode doc) {
    List<Param> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> s :
        doc.path("components").path("securitySchemes").properties()) {
      JsonNode scheme = s.getValue();
      if ("apiKey".equals(scheme.path("type").asString())) {
        In in = "header".equals(scheme.path("in").asString()) ? In.HEADER : In.QUERY;
        keys.add(new Param(scheme.path("name").asString(), in, "string", List.of(), false));
      }
    }
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getKey().equals("parameters") || op.getKey().startsWith("x-")) {
          continue;
        }
        Map<String, Param> params = new LinkedHashMap<>();
        JsonNode shared = path.getValue().path("parameters");
        for (JsonNode p : concat(shared, op.getValue().path("parameters"))) {
          JsonNode resolved = resolve(doc, p);
          In in =
              switch (resolved.path("in").asString()) {
                case "path" -> In.PATH;
                case "header" -> In.HEADER;
                default -> In.QUERY;
              };
          params.put(
              resolved.path("name").asString(),
              new Param(
                  resolved.path("name").asString(),
                  in,
                  typeOf(doc, resolved.path("schema")),
                  enumOf(doc, resolved.path("schema")),
                  resolved.path("required").asBoolean(false)));
        }
        if (!op.getValue().path("security").isMissingNode() || !doc.path("security").isEmpty()) {
          keys.forEach(k -> params.putIfAbsent(k.name(), k));
        }
        List<String> bodyTypes = new ArrayList<>();
        JsonNode content = resolve(doc, op.getValue().path("requestBody")).path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
          bodyTypes.add(media.getKey());
          JsonNode schema = resolve(doc, media.getValue().path("schema"));
          for (Map.Entry<String, JsonNode> prop : schema.path("properties").properties()) {
            JsonNode propSchema = resolve(doc, prop.getValue());
            String type =
                "binary".equals(propSchema.path("format").asString())
                    ? "binary"
                    : typeOf(doc, propSchema);
            params.putIfAbsent(
                prop.getKey(),
                new Param(prop.getKey(), In.BODY, type, enumOf(doc, propSchema), false));
          }
        }
        operations.add(
            new Operation(
                group,
                op.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                List.copyOf(params.values()),
                bodyTypes));
      }
    }
    return operations;
  }

  private static List<JsonNode> concat(JsonNode a, JsonNode b) {
    List<JsonNode> all = new ArrayList<>();
    a.forEach(all::add);
    b.forEach(all::add);
    return all;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    String ref = node.has("$ref") ? node.get("$ref").asString() : null;
    if (ref == null || !ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = doc;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }

  private static String typeOf(JsonNode doc, JsonNode schema) {
    JsonNode s = resolve(doc, schema);
    if (s.has("type")) {
      JsonNode type = s.get("type");
      return type.isArray() ? type.get(0).asString() : type.asString();
    }
    return "string";
  }

  private static List<String> enumOf(JsonNode doc, JsonNode schema) {
    JsonNode s = resolve(doc, schema);
    JsonNode values = s.has("enum") ? s.get("enum") : s.path("items").path("enum");
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.asString()));
    return out;
  }
}

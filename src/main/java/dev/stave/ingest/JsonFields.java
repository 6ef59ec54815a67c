package dev.stave.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Typed, strict access to one JSON object of the import format. Every accessor names the field in
 * its error, and {@link #rejectUnknown()} refuses fields nobody asked for, so that a typo such as
 * {@code "duraton_ms"} is reported instead of silently dropped. {@code null} and absent are the
 * same: "not given".
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  JsonFields(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(path + " must be a JSON object");
    }
    this.node = node;
    this.path = path;
  }

  private JsonNode get(String field) {
    read.add(field);
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  private String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  String text(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isString()) {
      throw new IllegalArgumentException(name(field) + " must be a string");
    }
    String s = v.stringValue();
    return s.isBlank() ? null : s;
  }

  String requiredText(String field) {
    String s = text(field);
    if (s == null) {
      throw new IllegalArgumentException(name(field) + " is required");
    }
    return s;
  }

  /** A string from a fixed set of values, or null. */
  String oneOf(String field, Set<String> allowed) {
    String s = text(field);
    if (s != null && !allowed.contains(s)) {
      throw new IllegalArgumentException(
          name(field) + " must be one of " + allowed + ", got '" + s + "'");
    }
    return s;
  }

  Long integer(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(name(field) + " must be a whole number");
    }
    return v.longValue();
  }

  long requiredId(String field) {
    Long id = integer(field);
    if (id == null) {
      throw new IllegalArgumentException(name(field) + " is required");
    }
    if (id <= 0) {
      throw new IllegalArgumentException(name(field) + " must be positive");
    }
    return id;
  }

  Integer smallInt(String field) {
    Long v = integer(field);
    if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(name(field) + " is out of range");
    }
    return v == null ? null : v.intValue();
  }

  long count(String field) {
    Long v = integer(field);
    if (v != null && v < 0) {
      throw new IllegalArgumentException(name(field) + " must not be negative");
    }
    return v == null ? 0 : v;
  }

  Double number(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(name(field) + " must be a number");
    }
    return v.doubleValue();
  }

  Double number(String field, double min, double max) {
    Double d = number(field);
    if (d != null && (d < min || d > max)) {
      throw new IllegalArgumentException(name(field) + " must be within " + min + " and " + max);
    }
    return d;
  }

  Boolean bool(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(name(field) + " must be true or false");
    }
    return v.booleanValue();
  }

  boolean bool(String field, boolean absent) {
    Boolean b = bool(field);
    return b == null ? absent : b;
  }

  List<Long> ids(String field) {
    JsonNode v = get(field);
    List<Long> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(name(field) + " must be an array of ids");
    }
    for (JsonNode e : v.values()) {
      if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() <= 0) {
        throw new IllegalArgumentException(name(field) + " must hold positive whole numbers");
      }
      out.add(e.longValue());
    }
    return out;
  }

  List<String> texts(String field) {
    JsonNode v = get(field);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(name(field) + " must be an array of strings");
    }
    for (JsonNode e : v.values()) {
      if (!e.isString() || e.stringValue().isBlank()) {
        throw new IllegalArgumentException(name(field) + " must hold non-empty strings");
      }
      out.add(e.stringValue());
    }
    return out;
  }

  /** A nested object, or null when absent. */
  JsonFields object(String field) {
    JsonNode v = get(field);
    return v == null ? null : new JsonFields(v, name(field));
  }

  List<JsonFields> objects(String field) {
    JsonNode v = get(field);
    List<JsonFields> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(name(field) + " must be an array of objects");
    }
    int i = 0;
    for (JsonNode e : v.values()) {
      out.add(new JsonFields(e, name(field) + "[" + i++ + "]"));
    }
    return out;
  }

  /** An object of string values, e.g. descriptions by language. */
  Map<String, String> textMap(String field) {
    JsonNode v = get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw new IllegalArgumentException(name(field) + " must be an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isString()) {
        throw new IllegalArgumentException(name(field) + "." + e.getKey() + " must be a string");
      }
      out.put(e.getKey(), e.getValue().stringValue());
    }
    return out;
  }

  void rejectUnknown() {
    for (String f : node.propertyNames()) {
      if (!read.contains(f)) {
        throw new IllegalArgumentException("unknown field " + name(f));
      }
    }
  }
}

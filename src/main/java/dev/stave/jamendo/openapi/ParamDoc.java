package dev.stave.jamendo.openapi;

import java.util.List;

/**
 * How the documentation describes one Jamendo parameter: its JSON type ({@code string}, {@code
 * integer} or {@code boolean}), whether it takes several values (separated by spaces or plus signs,
 * spec §2.4), its allowed values, its default and what it means.
 */
public record ParamDoc(
    String type, boolean multi, List<String> values, String defaultValue, String description) {
  public ParamDoc {
    values = values == null ? List.of() : List.copyOf(values);
  }

  static ParamDoc text(String description) {
    return new ParamDoc("string", false, null, null, description);
  }

  static ParamDoc texts(String description) {
    return new ParamDoc("string", true, null, null, description);
  }

  static ParamDoc integer(String description) {
    return new ParamDoc("integer", false, null, null, description);
  }

  static ParamDoc integers(String description) {
    return new ParamDoc("integer", true, null, null, description);
  }

  static ParamDoc bool(String description) {
    return new ParamDoc("boolean", false, null, null, description);
  }

  static ParamDoc oneOf(String description, List<String> values) {
    return new ParamDoc("string", false, values, null, description);
  }

  static ParamDoc manyOf(String description, List<String> values) {
    return new ParamDoc("string", true, values, null, description);
  }

  ParamDoc withDefault(String value) {
    return new ParamDoc(type, multi, values, value, description);
  }
}

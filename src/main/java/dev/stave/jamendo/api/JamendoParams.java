package dev.stave.jamendo.api;

import dev.stave.search.NameMatch;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The parameters of one Jamendo request with the dialect's value syntax (spec §2.4–2.5): several
 * values in one parameter separated by spaces or plus signs (after percent-decoding), booleans as
 * {@code true/1/false/0}, ranges as {@code FROM_TO}. A repeated parameter keeps its last value.
 * Every violation is a {@link JamendoCode#TYPE} error naming the parameter.
 */
public final class JamendoParams {
  /** Upper bound on values in one multi-value parameter (the spec leaves it blank). */
  public static final int MAX_VALUES = 200;

  public static final int MAX_LIMIT = 200;
  public static final int DEFAULT_LIMIT = 10;

  private final Map<String, String> values;
  private final List<String> warnings = new ArrayList<>();

  private JamendoParams(Map<String, String> values) {
    this.values = values;
  }

  /** From a servlet-style parameter map (already percent-decoded); the last repeat wins. */
  public static JamendoParams of(Map<String, String[]> raw) {
    Map<String, String> last = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          if (v != null && v.length > 0) {
            last.put(k, v[v.length - 1]);
          }
        });
    return new JamendoParams(last);
  }

  public Set<String> names() {
    return values.keySet();
  }

  public boolean has(String name) {
    return string(name).isPresent();
  }

  /** The trimmed value, or empty when absent or blank. */
  public Optional<String> string(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * The name condition {@code kind} (exact, prefix, substring) on the value of {@code name}; a
   * value with nothing to compare once case, accents and spaces are set aside is a type error.
   */
  public Optional<NameMatch> nameMatch(String name, Function<String, NameMatch> kind) {
    Optional<String> v = string(name);
    if (v.isPresent() && !NameMatch.comparable(v.get())) {
      throw JamendoException.type(
          name, "needs a letter, digit or sign besides accents and spaces; got '" + v.get() + "'");
    }
    return v.map(kind);
  }

  public String required(String name) {
    return string(name).orElseThrow(() -> JamendoException.required(name));
  }

  /** Several values: split on spaces and plus signs, empties dropped. */
  public List<String> multi(String name) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.get().split("[ +]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    if (out.size() > MAX_VALUES) {
      throw JamendoException.type(name, "takes at most " + MAX_VALUES + " values");
    }
    return out;
  }

  public List<Long> integers(String name) {
    List<Long> out = new ArrayList<>();
    for (String s : multi(name)) {
      out.add(parseLong(name, s));
    }
    return out;
  }

  public Optional<Long> integer(String name) {
    return string(name).map(s -> parseLong(name, s));
  }

  private static long parseLong(String name, String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw JamendoException.type(name, "must be an integer, got '" + s + "'");
    }
  }

  public Optional<Boolean> bool(String name) {
    return string(name)
        .map(
            s ->
                switch (s.toLowerCase(Locale.ROOT)) {
                  case "true", "1" -> true;
                  case "false", "0" -> false;
                  default ->
                      throw JamendoException.type(
                          name, "must be true, 1, false or 0, got '" + s + "'");
                });
  }

  public Optional<String> oneOf(String name, Collection<String> allowed) {
    return string(name).map(s -> checkEnum(name, s, allowed));
  }

  public List<String> manyOf(String name, Collection<String> allowed) {
    return multi(name).stream().map(s -> checkEnum(name, s, allowed)).toList();
  }

  private static String checkEnum(String name, String value, Collection<String> allowed) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw JamendoException.type(
          name, "must be one of " + String.join(", ", allowed) + "; got '" + value + "'");
    }
    return v;
  }

  /** An integer range {@code FROM_TO}, both bounds included. */
  public Optional<long[]> integerRange(String name) {
    return string(name)
        .map(
            s -> {
              String[] parts = s.split("_", -1);
              if (parts.length != 2) {
                throw JamendoException.type(name, "must be FROM_TO, got '" + s + "'");
              }
              long from = parseLong(name, parts[0]);
              long to = parseLong(name, parts[1]);
              if (from > to) {
                throw JamendoException.type(name, "has FROM after TO in '" + s + "'");
              }
              return new long[] {from, to};
            });
  }

  /**
   * A date range {@code yyyy-mm-dd_yyyy-mm-dd}, both included; {@code 0000-00-00} as a bound means
   * open on that side (LocalDate.MIN / MAX).
   */
  public Optional<LocalDate[]> dateRange(String name) {
    return string(name)
        .map(
            s -> {
              String[] parts = s.split("_", -1);
              if (parts.length != 2) {
                throw JamendoException.type(name, "must be yyyy-mm-dd_yyyy-mm-dd, got '" + s + "'");
              }
              LocalDate from = date(name, parts[0], LocalDate.MIN);
              LocalDate to = date(name, parts[1], LocalDate.MAX);
              if (from.isAfter(to)) {
                throw JamendoException.type(name, "has FROM after TO in '" + s + "'");
              }
              return new LocalDate[] {from, to};
            });
  }

  private static LocalDate date(String name, String s, LocalDate open) {
    if ("0000-00-00".equals(s)) {
      return open;
    }
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw JamendoException.type(name, "dates must be yyyy-mm-dd, got '" + s + "'");
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw JamendoException.type(name, "has an impossible date '" + s + "'");
    }
  }

  /** {@code latitude_longitude}. */
  public Optional<double[]> coordinates(String name) {
    return string(name)
        .map(
            s -> {
              String[] parts = s.split("_", -1);
              try {
                if (parts.length == 2) {
                  double lat = Double.parseDouble(parts[0]);
                  double lon = Double.parseDouble(parts[1]);
                  if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                    return new double[] {lat, lon};
                  }
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              throw JamendoException.type(
                  name, "must be latitude_longitude in degrees, got '" + s + "'");
            });
  }

  /** offset (≥ 0, default 0) and limit (1…200 or {@code all}; default 10; above 200 clamped). */
  /**
   * {@code fullcount} (spec §5.2): whether the total ignoring paging was asked; false by default.
   */
  public boolean fullcount() {
    return bool("fullcount").orElse(false);
  }

  public Paging paging() {
    long offset = integer("offset").orElse(0L);
    if (offset < 0) {
      throw JamendoException.type("offset", "must be 0 or more");
    }
    int limit = DEFAULT_LIMIT;
    Optional<String> l = string("limit");
    if (l.isPresent()) {
      if ("all".equalsIgnoreCase(l.get())) {
        limit = MAX_LIMIT;
      } else {
        long n = parseLong("limit", l.get());
        if (n < 1) {
          throw JamendoException.type("limit", "must be between 1 and " + MAX_LIMIT + " or all");
        }
        if (n > MAX_LIMIT) {
          warn("limit " + n + " was reduced to the maximum of " + MAX_LIMIT);
          n = MAX_LIMIT;
        }
        limit = (int) n;
      }
    }
    return new Paging(offset, limit);
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Adds a warning listing the parameters the method does not know (spec §2.6). */
  public void warnUnknown(Set<String> accepted) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(accepted);
    if (!unknown.isEmpty()) {
      warn("unknown parameter(s) ignored: " + String.join(", ", unknown));
    }
  }

  /** Offset and limit of a list request. */
  public record Paging(long offset, int limit) {}
}

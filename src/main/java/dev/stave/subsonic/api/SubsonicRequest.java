package dev.stave.subsonic.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated Subsonic call as a method sees it: its parameters (query string and form body
 * alike, as players send either), the account it is made for, and the servlet request and response
 * for the methods that answer bytes (stream, cover art). Reading a parameter checks it: a missing
 * required one is code 10, a malformed one code 0, each naming the parameter.
 */
public final class SubsonicRequest {
  /** Returned by a method that wrote its answer itself (audio, images). */
  public static final Node WRITTEN = Node.of("written");

  private final Map<String, String[]> params;
  private final Caller caller;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  /** Who calls: the account's user id and name, and the client name ({@code c}). */
  public record Caller(long userId, String userName, String client) {}

  public SubsonicRequest(
      Map<String, String[]> params,
      Caller caller,
      HttpServletRequest request,
      HttpServletResponse response) {
    this.params = params;
    this.caller = caller;
    this.request = request;
    this.response = response;
  }

  public Caller caller() {
    return caller;
  }

  public long userId() {
    return caller.userId();
  }

  public HttpServletRequest servletRequest() {
    return request;
  }

  public HttpServletResponse servletResponse() {
    return response;
  }

  /** The first value of {@code name}, if given and not empty. */
  public Optional<String> string(String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 || v[0].isEmpty() ? Optional.empty() : Optional.of(v[0]);
  }

  /** Every value of a repeated parameter ({@code id=1&id=2}), empty ones left out. */
  public List<String> strings(String name) {
    String[] v = params.get(name);
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String s : v) {
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return out;
  }

  public String required(String name) {
    return string(name).orElseThrow(() -> SubsonicException.missing(name));
  }

  public Optional<Long> id(String name) {
    return string(name).map(v -> parseId(name, v));
  }

  public long requiredId(String name) {
    return parseId(name, required(name));
  }

  public List<Long> ids(String name) {
    return strings(name).stream().map(v -> parseId(name, v)).toList();
  }

  /** An integer within [min, max], or {@code fallback} when absent. */
  public int integer(String name, int fallback, int min, int max) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.get().strip());
      if (n < min || n > max) {
        throw SubsonicException.invalid(
            name, "must be an integer from " + min + " to " + max, v.get());
      }
      return (int) n;
    } catch (NumberFormatException e) {
      throw SubsonicException.invalid(name, "must be an integer", v.get());
    }
  }

  public Optional<Long> longValue(String name) {
    return string(name)
        .map(
            v -> {
              try {
                return Long.parseLong(v.strip());
              } catch (NumberFormatException e) {
                throw SubsonicException.invalid(name, "must be an integer", v);
              }
            });
  }

  public boolean bool(String name, boolean fallback) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return fallback;
    }
    return switch (v.get().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw SubsonicException.invalid(name, "must be true or false", v.get());
    };
  }

  /**
   * An entity id. Stave's ids are integers; cover-art ids carry a kind prefix ({@code al-12}),
   * which is accepted here too so that a player may pass any id it was given.
   */
  static long parseId(String name, String value) {
    String v = value.strip();
    int dash = v.indexOf('-');
    String digits = dash > 0 && dash <= 2 ? v.substring(dash + 1) : v;
    if (!digits.matches("\\d{1,18}")) {
      throw SubsonicException.invalid(name, "must be an id of this server", value);
    }
    return Long.parseLong(digits);
  }
}

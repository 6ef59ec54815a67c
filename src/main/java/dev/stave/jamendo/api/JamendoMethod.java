package dev.stave.jamendo.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One Jamendo read method, such as {@code tracks} or {@code albums/tracks}. */
public interface JamendoMethod {
  /** The common read parameters of spec §5.2. */
  Set<String> COMMON =
      Set.of("client_id", "format", "callback", "offset", "limit", "order", "fullcount");

  /** The common parameters plus the method's own. */
  static Set<String> withCommon(String... own) {
    Set<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(List.of(own));
    return Set.copyOf(all);
  }

  /** Path below {@code /v3.0/}, without slashes at either end, e.g. {@code albums/tracks}. */
  String path();

  /** Every parameter name the method accepts (others produce a warning). */
  Set<String> parameters();

  /** Element name of one result item in the XML format, e.g. {@code track}. */
  String itemName();

  Result execute(JamendoParams params);

  /**
   * What a method returns: a list of entity maps (or, for autocomplete, a map keyed by entity) and
   * the total ignoring paging when {@code fullcount=true} was asked; or, for the {@code .../file}
   * methods, a {@link Bare} HTTP answer instead of the envelope.
   */
  record Result(Object results, Long fullcount, Bare bare) {
    public Result(Object results, Long fullcount) {
      this(results, fullcount, null);
    }

    public static Result of(List<Map<String, Object>> results, Long fullcount) {
      return new Result(results, fullcount);
    }

    /** An HTTP 302 redirect to {@code location} (spec §3.5: the file methods' success). */
    public static Result redirect(String location) {
      return new Result(List.of(), null, new Bare(302, location, null));
    }

    /** An HTTP 404 with {@code detail} as its plain-text body (spec §3.5: no such file). */
    public static Result notFound(String detail) {
      return new Result(List.of(), null, new Bare(404, null, detail));
    }
  }

  /**
   * An answer that is not an envelope: HTTP {@code status} with a {@code Location} (redirects) or a
   * plain-text {@code detail}.
   */
  record Bare(int status, String location, String detail) {}
}

package dev.stave.reccobeats.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A list of ids in a query parameter (spec §1.3) — {@code ids} of the multi-gets, {@code seeds} and
 * {@code negativeSeeds} of the recommendation: repeated ({@code ids=a&ids=b}) and comma-separated
 * ({@code ids=a,b}) forms, mixed freely; every value is split on commas, trimmed, empty pieces
 * dropped and duplicates removed, keeping the first occurrence. 1…max ids must remain ({@value
 * #MAX} for {@code ids}), or it is a 4004 "size must be between 1 and max". An id in UUID form is a
 * ReccoBeats id; anything else is taken for a Spotify id (an id that names nothing is simply not
 * found).
 */
public record Ids(List<String> values) {
  public static final int MAX = 40;
  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** The {@code ids} parameter of the multi-gets: 1…{@value #MAX} ids, else a 4004. */
  public static Ids parse(List<String> raw) {
    ValidationException.Collector checks = new ValidationException.Collector();
    Ids ids = parse("ids", raw, MAX, checks);
    checks.check();
    return ids;
  }

  /**
   * The ids of {@code parameter}; a count outside 1…{@code max} is added to {@code checks} (which
   * the caller checks, so that every violation of a request is reported together).
   */
  public static Ids parse(
      String parameter, List<String> raw, int max, ValidationException.Collector checks) {
    List<String> ids = pieces(raw);
    checks.size(parameter, ids.size(), 1, max);
    return new Ids(ids);
  }

  /** Every value split on commas, trimmed, without empty pieces and duplicates; null → none. */
  public static List<String> pieces(List<String> raw) {
    Set<String> out = new LinkedHashSet<>();
    if (raw != null) {
      for (String value : raw) {
        for (String piece : value.split(",", -1)) {
          String id = piece.strip();
          if (!id.isEmpty()) {
            out.add(id);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The id as a ReccoBeats UUID, if it has that form. */
  public static Optional<UUID> uuid(String id) {
    return UUID_FORM.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
  }

  public List<UUID> uuids() {
    List<UUID> out = new ArrayList<>();
    values.forEach(v -> uuid(v).ifPresent(out::add));
    return out;
  }

  public List<String> spotifyIds() {
    return values.stream().filter(v -> uuid(v).isEmpty()).toList();
  }
}

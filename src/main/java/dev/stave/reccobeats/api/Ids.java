package dev.stave.reccobeats.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code ids} parameter (spec §1.3): repeated ({@code ids=a&ids=b}) and comma-separated ({@code
 * ids=a,b}) forms, mixed freely; every value is split on commas, trimmed, empty pieces dropped and
 * duplicates removed, keeping the first occurrence. 1…{@value #MAX} ids remain, or it is a 4004. An
 * id in UUID form is a ReccoBeats id; anything else is taken for a Spotify id (an id that names
 * nothing is simply not found).
 */
public record Ids(List<String> values) {
  public static final int MAX = 40;
  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public static Ids parse(List<String> raw) {
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
    new ValidationException.Collector().size("ids", out.size(), 1, MAX).check();
    return new Ids(List.copyOf(out));
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

package dev.stave.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An artist. {@code descriptions} maps a language code to an HTML description. */
public record Artist(
    long id,
    UUID uuid,
    String name,
    String idstr,
    String website,
    LocalDate joinDate,
    String image,
    ExternalIds externalIds,
    double popularity,
    List<Location> locations,
    Map<String, String> descriptions) {

  public Artist {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("artist " + id + " has no name");
    }
    idstr = idstr == null || idstr.isBlank() ? Slugs.slug(name) : idstr;
    externalIds = externalIds == null ? ExternalIds.NONE : externalIds;
    locations = locations == null ? List.of() : List.copyOf(locations);
    descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
  }

  public static Artist named(long id, String name) {
    return new Artist(id, null, name, null, null, null, null, null, 0, null, null);
  }
}

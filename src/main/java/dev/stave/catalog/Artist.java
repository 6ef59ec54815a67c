package dev.stave.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An artist. {@code descriptions} maps a language code to an HTML description.
 *
 * <p>Decision: built by name through {@link #builder()}, for the same reason as {@link Track}:
 * eleven components, most optional. {@link #named} is the shortest form, for importers that know
 * only a name.
 */
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
    return builder().id(id).name(name).build();
  }

  /** A builder with every component unset (null, 0, false): set what is known, by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this artist's components, to build a changed copy by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.uuid = uuid;
    b.name = name;
    b.idstr = idstr;
    b.website = website;
    b.joinDate = joinDate;
    b.image = image;
    b.externalIds = externalIds;
    b.popularity = popularity;
    b.locations = locations;
    b.descriptions = descriptions;
    return b;
  }

  /** Builds a {@link Artist} by naming its components; unset ones keep Java's defaults. */
  public static final class Builder {
    private long id;
    private UUID uuid;
    private String name;
    private String idstr;
    private String website;
    private LocalDate joinDate;
    private String image;
    private ExternalIds externalIds;
    private double popularity;
    private List<Location> locations;
    private Map<String, String> descriptions;

    private Builder() {}

    public Builder id(long id) {
      this.id = id;
      return this;
    }

    public Builder uuid(UUID uuid) {
      this.uuid = uuid;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder idstr(String idstr) {
      this.idstr = idstr;
      return this;
    }

    public Builder website(String website) {
      this.website = website;
      return this;
    }

    public Builder joinDate(LocalDate joinDate) {
      this.joinDate = joinDate;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    public Builder externalIds(ExternalIds externalIds) {
      this.externalIds = externalIds;
      return this;
    }

    public Builder popularity(double popularity) {
      this.popularity = popularity;
      return this;
    }

    public Builder locations(List<Location> locations) {
      this.locations = locations;
      return this;
    }

    public Builder descriptions(Map<String, String> descriptions) {
      this.descriptions = descriptions;
      return this;
    }

    public Artist build() {
      return new Artist(
          id,
          uuid,
          name,
          idstr,
          website,
          joinDate,
          image,
          externalIds,
          popularity,
          locations,
          descriptions);
    }
  }
}

package dev.stave.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An album (or single, or compilation: {@code albumType}). {@code artistIds} is ordered, the first
 * being the primary artist. {@code upc}/{@code ean} are barcodes, either may be null.
 *
 * <p>Decision: built by name through {@link #builder()} (or {@link #toBuilder()}), for the same
 * reason as {@link Track}: fifteen components, most optional, of which several are Strings that a
 * positional call could swap unnoticed. Unset components are Java's defaults, so {@code zipAllowed}
 * is false unless set; the constructor turns a null {@code albumType} into "album".
 */
public record Album(
    long id,
    UUID uuid,
    String name,
    List<Long> artistIds,
    ReleaseDate releaseDate,
    String label,
    String albumType,
    String upc,
    String ean,
    String image,
    boolean zipAllowed,
    ExternalIds externalIds,
    double popularity,
    Map<String, String> descriptions,
    List<String> tags) {

  public Album {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("album " + id + " has no name");
    }
    if (artistIds == null || artistIds.isEmpty()) {
      throw new IllegalArgumentException("album " + id + " has no artist");
    }
    artistIds = List.copyOf(artistIds);
    albumType = albumType == null ? "album" : albumType;
    externalIds = externalIds == null ? ExternalIds.NONE : externalIds;
    descriptions = descriptions == null ? Map.of() : Map.copyOf(descriptions);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public long primaryArtistId() {
    return artistIds.get(0);
  }

  /** A builder with every component unset (null, 0; zip allowed): set what is known, by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this album's components, to build a changed copy by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.uuid = uuid;
    b.name = name;
    b.artistIds = artistIds;
    b.releaseDate = releaseDate;
    b.label = label;
    b.albumType = albumType;
    b.upc = upc;
    b.ean = ean;
    b.image = image;
    b.zipAllowed = zipAllowed;
    b.externalIds = externalIds;
    b.popularity = popularity;
    b.descriptions = descriptions;
    b.tags = tags;
    return b;
  }

  /** Builds an {@link Album} by naming its components; see the record for the defaults. */
  public static final class Builder {
    private long id;
    private UUID uuid;
    private String name;
    private List<Long> artistIds;
    private ReleaseDate releaseDate;
    private String label;
    private String albumType;
    private String upc;
    private String ean;
    private String image;
    private boolean zipAllowed = true;
    private ExternalIds externalIds;
    private double popularity;
    private Map<String, String> descriptions;
    private List<String> tags;

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

    public Builder artistIds(List<Long> artistIds) {
      this.artistIds = artistIds;
      return this;
    }

    public Builder releaseDate(ReleaseDate releaseDate) {
      this.releaseDate = releaseDate;
      return this;
    }

    public Builder label(String label) {
      this.label = label;
      return this;
    }

    public Builder albumType(String albumType) {
      this.albumType = albumType;
      return this;
    }

    public Builder upc(String upc) {
      this.upc = upc;
      return this;
    }

    public Builder ean(String ean) {
      this.ean = ean;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    public Builder zipAllowed(boolean zipAllowed) {
      this.zipAllowed = zipAllowed;
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

    public Builder descriptions(Map<String, String> descriptions) {
      this.descriptions = descriptions;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Album build() {
      return new Album(
          id,
          uuid,
          name,
          artistIds,
          releaseDate,
          label,
          albumType,
          upc,
          ean,
          image,
          zipAllowed,
          externalIds,
          popularity,
          descriptions,
          tags);
    }
  }
}

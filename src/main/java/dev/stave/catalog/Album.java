package dev.stave.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An album (or single, or compilation: {@code albumType}). {@code artistIds} is ordered, the first
 * being the primary artist. {@code upc}/{@code ean} are barcodes, either may be null.
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
}

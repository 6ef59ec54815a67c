package dev.stave.site.explorer;

import dev.stave.site.EntityLink;
import java.util.List;

/**
 * An album in a grid of albums (an artist's discography, new releases, search results): cover,
 * name, artists and year, all links.
 *
 * @param year the release year, empty when unknown
 */
public record AlbumCard(long id, String name, List<EntityLink> artists, String year) {
  public AlbumCard {
    artists = List.copyOf(artists);
  }

  public String artistNames() {
    return String.join(", ", artists.stream().map(EntityLink::name).toList());
  }
}

package dev.stave.catalog;

import java.util.List;

/** Entities written together in one transaction: artists first, then albums, then tracks. */
public record CatalogBatch(List<Artist> artists, List<Album> albums, List<Track> tracks) {
  public CatalogBatch {
    artists = List.copyOf(artists);
    albums = List.copyOf(albums);
    tracks = List.copyOf(tracks);
  }

  public int size() {
    return artists.size() + albums.size() + tracks.size();
  }
}

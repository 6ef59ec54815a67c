package dev.stave.ingest;

import dev.stave.catalog.CatalogStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Find-or-create for artists and albums known only by name, shared by the sources that carry no
 * Stave ids (the library scan's tags, Spotify-style CSVs): an artist is the stored one of exactly
 * that name, an album the stored one of that artist and exactly that name; anything else gets a
 * fresh id from {@link CatalogStore#allocateIds}, and {@link #isNew} tells the caller to build the
 * entity. That matching is what makes re-running an import or a scan change nothing.
 *
 * <p>One instance per run: it remembers every id it resolved, so that a name seen again (in a later
 * batch, before or after that batch is written) gets the same id without asking the store again.
 * Lookups and allocations are batched: one query and one allocation per call, however many names.
 */
public final class ArtistAlbumIds {
  /** An album as a name source knows it: its primary artist and its name. */
  public record AlbumKey(long artistId, String name) {}

  private final CatalogStore store;
  private final Map<String, Long> artists = new HashMap<>();
  private final Map<AlbumKey, Long> albums = new HashMap<>();
  private final Set<Long> newArtists = new HashSet<>();
  private final Set<Long> newAlbums = new HashSet<>();

  public ArtistAlbumIds(CatalogStore store) {
    this.store = store;
  }

  /** The id of each artist name: remembered, else stored, else newly allocated. */
  public Map<String, Long> artists(Collection<String> names) {
    Set<String> unknown = new LinkedHashSet<>(names);
    unknown.removeAll(artists.keySet());
    if (!unknown.isEmpty()) {
      artists.putAll(store.artistIdsByName(unknown));
      List<String> fresh = unknown.stream().filter(n -> !artists.containsKey(n)).toList();
      if (!fresh.isEmpty()) {
        long next = store.allocateIds("artists", fresh.size());
        for (String n : fresh) {
          newArtists.add(next);
          artists.put(n, next++);
        }
      }
    }
    Map<String, Long> out = new HashMap<>();
    names.forEach(n -> out.put(n, artists.get(n)));
    return out;
  }

  public long artist(String name) {
    return artists(List.of(name)).get(name);
  }

  /** The id of each album: remembered, else stored (by artist and name), else newly allocated. */
  public Map<AlbumKey, Long> albums(Collection<AlbumKey> keys) {
    List<AlbumKey> fresh = new ArrayList<>();
    for (AlbumKey k : new LinkedHashSet<>(keys)) {
      if (!albums.containsKey(k)) {
        Long stored = store.albumIdByArtistAndName(k.artistId(), k.name());
        if (stored == null) {
          fresh.add(k);
        } else {
          albums.put(k, stored);
        }
      }
    }
    if (!fresh.isEmpty()) {
      long next = store.allocateIds("albums", fresh.size());
      for (AlbumKey k : fresh) {
        newAlbums.add(next);
        albums.put(k, next++);
      }
    }
    Map<AlbumKey, Long> out = new HashMap<>();
    keys.forEach(k -> out.put(k, albums.get(k)));
    return out;
  }

  public long album(long artistId, String name) {
    AlbumKey k = new AlbumKey(artistId, name);
    return albums(List.of(k)).get(k);
  }

  /** Whether this artist id was allocated by this run (the entity is the caller's to create). */
  public boolean isNewArtist(long id) {
    return newArtists.contains(id);
  }

  /** Whether this album id was allocated by this run (the entity is the caller's to create). */
  public boolean isNewAlbum(long id) {
    return newAlbums.contains(id);
  }
}

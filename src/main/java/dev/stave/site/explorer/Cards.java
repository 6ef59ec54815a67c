package dev.stave.site.explorer;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Location;
import dev.stave.library.LibraryStore;
import dev.stave.library.Playlist;
import dev.stave.library.User;
import dev.stave.site.EntityLink;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Albums, artists and playlists as the cards of a list, hydrated in one query per kind for the
 * whole list (the album cards' artists, the playlists' owners). Entities a page already loaded are
 * passed in and not read again.
 */
@Component
public class Cards {
  private final EntityCache entities;
  private final LibraryStore library;

  public Cards(EntityCache entities, LibraryStore library) {
    this.entities = entities;
    this.library = library;
  }

  /** Cards for {@code albums}, in order; their artists read at once, but for {@code known}. */
  public List<AlbumCard> albums(List<Album> albums, Collection<Artist> known) {
    Map<Long, String> names = new HashMap<>();
    known.forEach(a -> names.put(a.id(), a.name()));
    List<Long> missing =
        albums.stream()
            .flatMap(a -> a.artistIds().stream())
            .filter(id -> !names.containsKey(id))
            .distinct()
            .toList();
    if (!missing.isEmpty()) {
      entities.artists(missing).forEach(a -> names.put(a.id(), a.name()));
    }
    return albums.stream()
        .map(
            a ->
                new AlbumCard(
                    a.id(),
                    a.name(),
                    a.artistIds().stream()
                        .filter(names::containsKey)
                        .map(id -> new EntityLink(id, names.get(id)))
                        .toList(),
                    a.releaseDate() == null
                        ? ""
                        : Integer.toString(a.releaseDate().date().getYear())))
        .toList();
  }

  public List<AlbumCard> albums(List<Album> albums) {
    return albums(albums, List.of());
  }

  public List<ArtistCard> artists(List<Artist> artists) {
    return artists.stream()
        .map(
            a ->
                new ArtistCard(
                    a.id(),
                    a.name(),
                    a.locations().isEmpty() ? "" : place(a.locations().getFirst())))
        .toList();
  }

  /** "City, State, COUNTRY" with the parts that are known. */
  public static String place(Location l) {
    return Stream.of(l.city(), l.state(), l.country())
        .filter(Objects::nonNull)
        .filter(s -> !s.isBlank())
        .collect(Collectors.joining(", "));
  }

  /** Cards for {@code playlists}, in order; their owners read at once. */
  public List<PlaylistCard> playlists(List<Playlist> playlists) {
    List<Long> owners =
        playlists.stream().map(Playlist::userId).filter(Objects::nonNull).distinct().toList();
    Map<Long, String> names = new HashMap<>();
    if (!owners.isEmpty()) {
      library.users(owners).forEach(u -> names.put(u.id(), displayName(u)));
    }
    return playlists.stream()
        .map(
            p ->
                new PlaylistCard(
                    p.id(),
                    p.name(),
                    p.userId() == null ? "" : names.getOrDefault(p.userId(), ""),
                    p.trackIds().size()))
        .toList();
  }

  /** A user as pages name them: the display name, else the login name. */
  public static String displayName(User u) {
    return u.dispname() == null || u.dispname().isBlank() ? u.name() : u.dispname();
  }
}

package dev.stave.site;

import dev.stave.audio.AudioAvailability;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns tracks into the rows a page lists, for every page that lists tracks (the explorer's album,
 * artist, track, playlist, search and radio pages, and the playground's seeds, suggestions and
 * recommendations): the artists and albums they link to are read in one query per kind for the
 * whole list, whether each track can be played in one query too ({@link
 * AudioAvailability#prefetch}), so a list of fifty tracks costs three reads, not a hundred and
 * fifty. Entities the page already loaded (the album of an album page, the artist of an artist
 * page) are passed in and not read again.
 *
 * <p>Decision: one class for both faces of the site, so a row of the explorer and a row of the
 * playground name the same artists, albums and playability the same way, and a change to how a list
 * is hydrated is made once.
 */
@Component
public class TrackRows {
  private final EntityCache entities;
  private final AudioAvailability audio;

  public TrackRows(EntityCache entities, AudioAvailability audio) {
    this.entities = entities;
    this.audio = audio;
  }

  /**
   * Rows for the tracks of {@code ids}, in that order, unknown ids left out: the tracks, then their
   * artists, albums and audio, one query each (four, whatever the length).
   */
  public List<TrackRow> ofIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Track> byId = new HashMap<>();
    entities.tracks(ids).forEach(t -> byId.put(t.id(), t));
    return of(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
  }

  /** Rows for {@code tracks}, in their order. */
  public List<TrackRow> of(List<Track> tracks) {
    return of(tracks, List.of(), List.of());
  }

  /**
   * Rows for {@code tracks}, in their order, reading only the artists and albums not among {@code
   * knownArtists} and {@code knownAlbums}.
   */
  public List<TrackRow> of(
      List<Track> tracks, Collection<Artist> knownArtists, Collection<Album> knownAlbums) {
    if (tracks.isEmpty()) {
      return List.of();
    }
    Map<Long, String> artists = new HashMap<>();
    knownArtists.forEach(a -> artists.put(a.id(), a.name()));
    Map<Long, String> albums = new HashMap<>();
    knownAlbums.forEach(a -> albums.put(a.id(), a.name()));

    Set<Long> missingArtists = new LinkedHashSet<>();
    Set<Long> missingAlbums = new LinkedHashSet<>();
    for (Track t : tracks) {
      t.artistIds().stream().filter(id -> !artists.containsKey(id)).forEach(missingArtists::add);
      if (t.albumId() != null && !albums.containsKey(t.albumId())) {
        missingAlbums.add(t.albumId());
      }
    }
    if (!missingArtists.isEmpty()) {
      entities.artists(missingArtists).forEach(a -> artists.put(a.id(), a.name()));
    }
    if (!missingAlbums.isEmpty()) {
      entities.albums(missingAlbums).forEach(a -> albums.put(a.id(), a.name()));
    }
    audio.prefetch(tracks.stream().map(Track::id).toList());

    List<TrackRow> rows = new ArrayList<>(tracks.size());
    for (Track t : tracks) {
      List<EntityLink> by =
          t.artistIds().stream()
              .filter(artists::containsKey)
              .map(id -> new EntityLink(id, artists.get(id)))
              .toList();
      EntityLink album =
          t.albumId() != null && albums.containsKey(t.albumId())
              ? new EntityLink(t.albumId(), albums.get(t.albumId()))
              : null;
      rows.add(
          new TrackRow(
              t.id(),
              t.name(),
              by,
              album,
              album == null ? null : t.position(),
              t.durationMs(),
              audio.has(t.id())));
    }
    return rows;
  }
}

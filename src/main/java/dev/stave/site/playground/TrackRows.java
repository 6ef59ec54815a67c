package dev.stave.site.playground;

import dev.stave.audio.AudioAvailability;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns track ids into {@link TrackRow}s in their order: tracks, then their artists and albums,
 * then whether each has audio, each loaded once for the whole list (four queries, whatever its
 * length).
 */
@Component("playgroundTrackRows") // the explorer has a TrackRows bean of its own
public class TrackRows {
  private final CatalogStore catalog;
  private final AudioAvailability audio;

  public TrackRows(CatalogStore catalog, AudioAvailability audio) {
    this.catalog = catalog;
    this.audio = audio;
  }

  /** Rows for {@code ids} in order, unknown ids left out; {@code scores} may be empty. */
  public List<TrackRow> rows(List<Long> ids, Map<Long, Double> scores) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Track> tracks = byId(catalog.findTracks(ids), Track::id);
    Map<Long, String> artists =
        catalog
            .findArtists(
                tracks.values().stream().map(t -> t.artistIds().getFirst()).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Artist::id, Artist::name));
    Map<Long, String> albums =
        catalog
            .findAlbums(
                tracks.values().stream()
                    .map(Track::albumId)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList())
            .stream()
            .collect(Collectors.toMap(Album::id, Album::name));
    audio.prefetch(tracks.keySet());
    List<TrackRow> out = new ArrayList<>();
    for (long id : ids) {
      Track t = tracks.get(id);
      if (t == null) {
        continue;
      }
      long artistId = t.artistIds().getFirst();
      out.add(
          new TrackRow(
              id,
              t.name(),
              artistId,
              artists.getOrDefault(artistId, ""),
              t.albumId(),
              t.albumId() == null ? "" : albums.getOrDefault(t.albumId(), ""),
              t.durationMs(),
              scores.get(id),
              audio.has(id)));
    }
    return out;
  }

  private static <T> Map<Long, T> byId(Collection<T> items, Function<T, Long> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
  }
}

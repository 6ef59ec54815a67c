package dev.stave.jamendo.tracks;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.Waveforms;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.JamendoLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Renders a page of track ids (the hits of {@code tracks}, {@code tracks/similar}) as {@link
 * TrackView} does, reading the tracks, their albums and artists from the {@link EntityCache} and
 * their waveforms and audio availability from {@link AudioAvailability}: once a page's entities
 * were asked for, rendering it again reads nothing from the store (issue 15 item 1).
 */
@Component
public class TrackPages {
  private final EntityCache entities;
  private final AudioAvailability audio;
  private final JamendoLinks links;

  public TrackPages(EntityCache entities, AudioAvailability audio, JamendoLinks links) {
    this.entities = entities;
    this.audio = audio;
    this.links = links;
  }

  /** The tracks of {@code ids}, in that order (unknown ids left out), rendered. */
  public List<Map<String, Object>> render(List<Long> ids, TrackView.Options options) {
    List<Track> tracks = entities.tracks(ids);
    Map<Long, Album> albums =
        byId(
            entities.albums(
                tracks.stream().map(Track::albumId).filter(Objects::nonNull).distinct().toList()),
            Album::id);
    Map<Long, Artist> artists =
        byId(
            entities.artists(tracks.stream().map(Track::primaryArtistId).distinct().toList()),
            Artist::id);
    Map<Long, String> waveforms = audio.waveforms(ids);
    audio.prefetch(ids);
    List<Map<String, Object>> out = new ArrayList<>(tracks.size());
    for (Track t : tracks) {
      out.add(
          TrackView.render(
              t,
              t.albumId() == null ? null : albums.get(t.albumId()),
              artists.get(t.primaryArtistId()),
              waveforms.getOrDefault(t.id(), Waveforms.EMPTY),
              options,
              links));
    }
    return out;
  }

  private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
    Map<Long, T> out = new HashMap<>();
    items.forEach(item -> out.putIfAbsent(id.apply(item), item));
    return out;
  }
}

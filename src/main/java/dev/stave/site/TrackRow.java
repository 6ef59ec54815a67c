package dev.stave.site;

import java.util.List;

/**
 * One line of a track list (an album's tracks, search results, similar tracks, a playlist, the
 * playground's seeds and recommendations): what the list shows and links to, and whether the track
 * can be played here (it has an audio file), in which case the row carries a play button.
 *
 * @param album null for a single
 * @param position the position on its album, null when unknown or a single
 */
public record TrackRow(
    long id,
    String name,
    List<EntityLink> artists,
    EntityLink album,
    Integer position,
    long durationMs,
    boolean playable) {
  public TrackRow {
    artists = List.copyOf(artists);
  }

  public String duration() {
    return Durations.clock(durationMs);
  }

  /** "Name — Artists", for the labels of buttons that act on the row ("Add Song — A as a seed"). */
  public String label() {
    return name + " — " + artistNames();
  }

  /** The artists' names joined, for labels ("Play Song by A, B"). */
  public String artistNames() {
    return String.join(", ", artists.stream().map(EntityLink::name).toList());
  }

  /** The ids of the playable rows, space-separated, for the play-all button. */
  public static String playableIds(List<TrackRow> rows) {
    return String.join(
        " ", rows.stream().filter(TrackRow::playable).map(r -> Long.toString(r.id())).toList());
  }
}

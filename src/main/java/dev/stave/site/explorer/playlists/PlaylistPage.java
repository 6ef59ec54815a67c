package dev.stave.site.explorer.playlists;

import dev.stave.site.Durations;
import dev.stave.site.TrackRow;
import java.util.List;

/**
 * What a playlist page shows.
 *
 * @param owner the user's display name, empty when unknown
 * @param created the creation day, empty when unknown
 * @param trackCount how many tracks the playlist holds; {@code tracks} are the first of them
 * @param zipHref the signed URL of the playlist's zip, null when it may not be downloaded
 */
public record PlaylistPage(
    long id,
    String name,
    String owner,
    String created,
    int trackCount,
    List<TrackRow> tracks,
    String zipHref) {
  public PlaylistPage {
    tracks = List.copyOf(tracks);
  }

  public String duration() {
    return Durations.clock(tracks.stream().mapToLong(TrackRow::durationMs).sum());
  }

  public String playableIds() {
    return TrackRow.playableIds(tracks);
  }
}

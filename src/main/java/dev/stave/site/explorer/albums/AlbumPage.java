package dev.stave.site.explorer.albums;

import dev.stave.site.Durations;
import dev.stave.site.EntityLink;
import dev.stave.site.TrackRow;
import dev.stave.site.explorer.WebLink;
import java.util.List;

/**
 * What an album page shows.
 *
 * @param released the release date as precise as the catalog knows it, empty when unknown
 * @param licences the distinct licences of its tracks (usually one)
 * @param zipHref the signed URL of the album's zip, null when it may not be downloaded
 */
public record AlbumPage(
    long id,
    String name,
    String type,
    List<EntityLink> artists,
    String released,
    String label,
    List<String> tags,
    String description,
    List<WebLink> licences,
    List<TrackRow> tracks,
    String zipHref) {
  public AlbumPage {
    artists = List.copyOf(artists);
    tags = List.copyOf(tags);
    licences = List.copyOf(licences);
    tracks = List.copyOf(tracks);
  }

  public long durationMs() {
    return tracks.stream().mapToLong(TrackRow::durationMs).sum();
  }

  public String duration() {
    return Durations.clock(durationMs());
  }

  public String durationWords() {
    return Durations.words(durationMs());
  }

  public String artistNames() {
    return String.join(", ", artists.stream().map(EntityLink::name).toList());
  }

  /** Space-separated ids of the tracks that can be played, for "Play album"; empty when none. */
  public String playableIds() {
    return TrackRow.playableIds(tracks);
  }
}

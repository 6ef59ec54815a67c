package dev.stave.site.explorer.artists;

import dev.stave.site.TrackRow;
import dev.stave.site.explorer.AlbumCard;
import dev.stave.site.explorer.WebLink;
import java.util.List;

/**
 * What an artist page shows.
 *
 * @param albumsTotal how many albums the artist has, of which {@code albums} are the newest
 * @param joined when the artist joined, empty when unknown
 */
public record ArtistPage(
    long id,
    String name,
    List<String> locations,
    String joined,
    String description,
    List<WebLink> links,
    List<String> tags,
    List<AlbumCard> albums,
    long albumsTotal,
    List<TrackRow> topTracks) {
  public ArtistPage {
    locations = List.copyOf(locations);
    links = List.copyOf(links);
    tags = List.copyOf(tags);
    albums = List.copyOf(albums);
    topTracks = List.copyOf(topTracks);
  }

  /** Space-separated ids of the playable top tracks, for "Play top tracks"; empty when none. */
  public String playableIds() {
    return TrackRow.playableIds(topTracks);
  }
}

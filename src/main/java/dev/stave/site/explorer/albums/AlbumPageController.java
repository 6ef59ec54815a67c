package dev.stave.site.explorer.albums;

import dev.stave.audio.TrackAudio;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.site.EntityLink;
import dev.stave.site.PageNotFoundException;
import dev.stave.site.TrackRows;
import dev.stave.site.explorer.Descriptions;
import dev.stave.site.explorer.Downloads;
import dev.stave.site.explorer.WebLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /albums/{id}}: the cover, the tracks in album order with play buttons and "Play album",
 * the total duration, the licence, and the zip download where the catalog allows it. Reads the
 * album, its artists and its tracks once each (the tracks' guest artists in one more query).
 */
@Controller
public class AlbumPageController {
  /** An album longer than this is a catalog error; the page shows the first ones. */
  static final int MAX_TRACKS = 1_000;

  private final EntityCache entities;
  private final TrackRows rows;
  private final Downloads downloads;

  public AlbumPageController(EntityCache entities, TrackRows rows, Downloads downloads) {
    this.entities = entities;
    this.rows = rows;
    this.downloads = downloads;
  }

  @GetMapping("/albums/{id}")
  public String album(@PathVariable long id, Model model) {
    Album album =
        entities.albums(List.of(id)).stream()
            .findFirst()
            .orElseThrow(() -> new PageNotFoundException("There is no album " + id + " here."));
    List<Artist> artists = entities.artists(album.artistIds());
    List<Track> tracks = new ArrayList<>(entities.tracksOfAlbums(List.of(id)));
    tracks.sort(TrackAudio.ALBUM_ORDER);
    if (tracks.size() > MAX_TRACKS) {
      tracks = tracks.subList(0, MAX_TRACKS);
    }
    List<WebLink> licences =
        tracks.stream()
            .map(Track::licenseUrl)
            .filter(Objects::nonNull)
            .distinct()
            .map(WebLink::licence)
            .toList();
    model.addAttribute(
        "album",
        new AlbumPage(
            album.id(),
            album.name(),
            album.albumType(),
            artists.stream().map(a -> new EntityLink(a.id(), a.name())).toList(),
            album.releaseDate() == null ? "" : album.releaseDate().asText(),
            album.label() == null ? "" : album.label(),
            album.tags(),
            Descriptions.pick(album.descriptions()).orElse(""),
            licences,
            rows.of(tracks, artists, List.of(album)),
            downloads.albumZip(album.id(), album.zipAllowed(), tracks).orElse(null)));
    return "explorer/album";
  }
}

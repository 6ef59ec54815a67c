package dev.stave.site.explorer.playlists;

import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.Playlist;
import dev.stave.site.PageNotFoundException;
import dev.stave.site.TrackRows;
import dev.stave.site.explorer.Cards;
import dev.stave.site.explorer.Downloads;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /playlists/{id}}: a listener's playlist, its tracks in the playlist's order with play
 * buttons and "Play playlist", who made it, and the zip where the catalog allows it. A playlist may
 * name tracks no longer in the catalog: they are left out of the list.
 */
@Controller
public class PlaylistPageController {
  /** The most tracks a page lists (a playlist can hold thousands). */
  static final int MAX_TRACKS = 500;

  private final LibraryStore library;
  private final EntityCache entities;
  private final TrackRows rows;
  private final Downloads downloads;

  public PlaylistPageController(
      LibraryStore library, EntityCache entities, TrackRows rows, Downloads downloads) {
    this.library = library;
    this.entities = entities;
    this.rows = rows;
    this.downloads = downloads;
  }

  @GetMapping("/playlists/{id}")
  public String playlist(@PathVariable long id, Model model) {
    Playlist p =
        library.playlists(List.of(id)).stream()
            .findFirst()
            .orElseThrow(() -> new PageNotFoundException("There is no playlist " + id + " here."));
    String owner =
        p.userId() == null
            ? ""
            : library.users(List.of(p.userId())).stream()
                .findFirst()
                .map(Cards::displayName)
                .orElse("");
    List<Track> tracks =
        entities.tracks(p.trackIds().subList(0, Math.min(MAX_TRACKS, p.trackIds().size())));
    model.addAttribute(
        "playlist",
        new PlaylistPage(
            p.id(),
            p.name(),
            owner,
            p.creationDate() == null ? "" : p.creationDate().toString(),
            p.trackIds().size(),
            rows.of(tracks),
            downloads.playlistZip(p.id(), p.zipAllowed(), tracks).orElse(null)));
    return "explorer/playlist";
  }
}

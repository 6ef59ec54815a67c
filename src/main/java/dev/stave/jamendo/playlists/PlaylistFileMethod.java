package dev.stave.jamendo.playlists;

import dev.stave.catalog.CatalogStore;
import dev.stave.jamendo.api.FileMethod;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/playlists/file} (spec §8.13): HTTP 302 to the playlist's zip (its {@code zip}
 * URL), HTTP 404 when the playlist does not exist or may not be downloaded as a zip.
 */
@Component
public class PlaylistFileMethod extends FileMethod {
  private final CatalogStore store;
  private final JamendoLinks links;

  public PlaylistFileMethod(CatalogStore store, JamendoLinks links) {
    super("playlists/file", "playlist", "audioformat");
    this.store = store;
    this.links = links;
  }

  @Override
  protected Result answer(long id, JamendoParams params) {
    return zip(
        params,
        id,
        store.read(LibraryTables.PLAYLISTS, List.of(id)).stream()
            .findFirst()
            .map(Playlist::zipAllowed),
        links.playlistZip(id));
  }
}

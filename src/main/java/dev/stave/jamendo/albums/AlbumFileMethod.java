package dev.stave.jamendo.albums;

import dev.stave.catalog.Album;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.FileMethod;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/albums/file} (spec §8.2): HTTP 302 to the album's zip (its {@code zip} URL),
 * HTTP 404 when the album does not exist or may not be downloaded as a zip.
 */
@Component
public class AlbumFileMethod extends FileMethod {
  private final EntityCache store;
  private final JamendoLinks links;

  public AlbumFileMethod(EntityCache store, JamendoLinks links) {
    super("albums/file", "album", "audioformat");
    this.store = store;
    this.links = links;
  }

  @Override
  protected Result answer(long id, JamendoParams params) {
    return zip(
        params,
        id,
        store.albums(List.of(id)).stream().findFirst().map(Album::zipAllowed),
        links.albumZip(id));
  }
}

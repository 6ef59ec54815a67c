package dev.stave.jamendo.playlists;

import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Playlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/playlists} (spec §8.12): playlists by id, exact name, name substring, author (id
 * or name), creation date; ordered by name, id or creation date (id when no order is given). {@code
 * zip} is empty for a playlist whose zip is not allowed.
 */
@Component
public class PlaylistsMethod implements JamendoMethod {
  private static final List<String> ORDERS = PlaylistSelection.orderValues();

  private final LibraryViews views;
  private final LibraryStore library;

  public PlaylistsMethod(LibraryViews views, LibraryStore library) {
    this.views = views;
    this.library = library;
  }

  @Override
  public String path() {
    return "playlists";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon(PlaylistSelection.PARAMETERS.toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "playlist";
  }

  @Override
  public Result execute(JamendoParams p) {
    p.oneOf("audioformat", List.of("mp32")); // the only zip format (spec §6.2)
    boolean fullcount = p.fullcount();
    PlaylistSelection.Selected s =
        PlaylistSelection.select(p, p.manyOf("order", ORDERS), views, library);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Playlist pl : s.playlists()) {
      out.add(PlaylistSelection.render(pl, s.users(), views, true));
    }
    return Result.of(out, fullcount ? s.total() : null);
  }
}

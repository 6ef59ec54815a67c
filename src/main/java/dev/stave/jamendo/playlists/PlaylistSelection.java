package dev.stave.jamendo.playlists;

import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Order;
import dev.stave.library.Page;
import dev.stave.library.Playlist;
import dev.stave.library.PlaylistQuery;
import dev.stave.library.User;
import dev.stave.search.NameMatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code playlists} filters (spec §8.12) that {@code playlists/tracks} inherits, and how a
 * playlist is written. Playlists are read with SQL over the playlists table (by id, author, exact
 * name through indexes; {@code namesearch} as a substring match), not from the catalog's search
 * index: playlists are library data, not catalog entities.
 */
final class PlaylistSelection {
  static final List<String> PARAMETERS =
      List.of(
          "id",
          "name",
          "namesearch",
          "user_id",
          "access_token",
          "user_name",
          "datebetween",
          "audioformat");

  private static final Map<String, PlaylistQuery.Field> ORDER_FIELDS =
      Map.of(
          "name", PlaylistQuery.Field.NAME,
          "id", PlaylistQuery.Field.ID,
          "creationdate", PlaylistQuery.Field.CREATION_DATE);

  private PlaylistSelection() {}

  /** The selected page of playlists and the total; empty when nothing can match. */
  record Selected(List<Playlist> playlists, Map<Long, User> users, long total) {}

  /**
   * Reads the page of playlists the parameters select. {@code orders} are the request's order
   * values; those that name a playlist field order the playlists, the others are the caller's.
   */
  static Selected select(
      JamendoParams p, List<String> orders, LibraryViews views, LibraryStore library) {
    JamendoParams.Paging paging = p.paging();
    Optional<List<Long>> userIds = views.authors(p, "user_id");
    if (userIds.isEmpty()) {
      return new Selected(List.of(), Map.of(), 0);
    }
    Optional<LocalDate[]> dates = p.dateRange("datebetween");
    List<Order<PlaylistQuery.Field>> sort = new ArrayList<>();
    for (String o : orders) {
      PlaylistQuery.Field f = ORDER_FIELDS.get(JamendoOrder.field(o));
      if (f != null) {
        sort.add(new Order<>(f, o.endsWith("_desc")));
      }
    }
    PlaylistQuery q =
        new PlaylistQuery(
            p.integers("id"),
            p.string("name").orElse(null),
            p.nameMatch("namesearch", NameMatch::substring).map(NameMatch::text).orElse(null),
            userIds.get(),
            p.string("user_name").orElse(null),
            dates.map(d -> EntityParams.open(d[0])).orElse(null),
            dates.map(d -> EntityParams.open(d[1])).orElse(null),
            sort,
            paging.offset(),
            paging.limit());
    Page<Long> page = library.playlists(q);
    List<Playlist> playlists = library.playlists(page.items());
    Map<Long, User> users =
        LibraryViews.byId(
            library.users(
                playlists.stream()
                    .map(Playlist::userId)
                    .filter(u -> u != null)
                    .distinct()
                    .toList()),
            User::id);
    return new Selected(playlists, users, page.total());
  }

  /**
   * Every accepted order value: the playlist fields and {@code extra} ones, each with a direction.
   */
  static List<String> orderValues(String... extra) {
    return JamendoOrder.values(
        Stream.concat(ORDER_FIELDS.keySet().stream(), Stream.of(extra)).toArray(String[]::new));
  }

  /** A playlist's own fields (spec §7.5). */
  static Map<String, Object> render(
      Playlist pl, Map<Long, User> users, LibraryViews views, boolean links) {
    User owner = pl.userId() == null ? null : users.get(pl.userId());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(pl.id()));
    m.put("name", pl.name());
    m.put("creationdate", LibraryViews.date(pl.creationDate()));
    m.put("user_id", pl.userId() == null ? "" : String.valueOf(pl.userId()));
    m.put("user_name", owner == null ? "" : owner.name());
    m.put("zip", pl.zipAllowed() ? views.links().playlistZip(pl.id()) : "");
    if (links) {
      m.put("shorturl", views.links().shortPlaylist(pl.id()));
      m.put("shareurl", views.links().share("playlist", pl.id()));
    }
    return m;
  }
}

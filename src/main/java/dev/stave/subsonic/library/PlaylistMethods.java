package dev.stave.subsonic.library;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.Order;
import dev.stave.library.Playlist;
import dev.stave.library.PlaylistQuery;
import dev.stave.library.User;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicCode;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import dev.stave.subsonic.browse.SubsonicViews;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Playlists, the same ones the Jamendo dialect lists ({@code playlists}, {@code playlists/tracks}):
 * {@code getPlaylists} (the caller's own), {@code getPlaylist} (any: Jamendo playlists are public),
 * {@code createPlaylist}, {@code updatePlaylist}, {@code deletePlaylist} (the caller's own only,
 * code 50 otherwise). The catalog keeps a playlist's creation day, not its times of change, so
 * {@code created} and {@code changed} both say that day; there is no comment.
 */
@Component
class PlaylistMethods implements SubsonicMethods {
  private static final int MAX_PLAYLISTS = 1000;

  private final CatalogStore store;
  private final EntityCache entities;
  private final LibraryStore library;
  private final SubsonicViews views;

  PlaylistMethods(
      CatalogStore store, EntityCache entities, LibraryStore library, SubsonicViews views) {
    this.store = store;
    this.entities = entities;
    this.library = library;
    this.views = views;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("getPlaylists", this::list);
    m.put("getPlaylist", r -> withEntries(playlist(r.requiredId("id"), "id"), r.userId()));
    m.put("createPlaylist", this::create);
    m.put("updatePlaylist", this::update);
    m.put("deletePlaylist", this::delete);
    return m;
  }

  private Node list(SubsonicRequest r) {
    r.string("username")
        .filter(u -> !u.equalsIgnoreCase(r.caller().userName()))
        .ifPresent(
            u -> {
              throw new SubsonicException(
                  SubsonicCode.NOT_AUTHORIZED, "parameter 'username': only your own playlists");
            });
    List<Long> ids =
        library
            .playlists(
                new PlaylistQuery(
                    List.of(),
                    null,
                    null,
                    List.of(r.userId()),
                    null,
                    null,
                    null,
                    List.of(new Order<>(PlaylistQuery.Field.NAME, false)),
                    0,
                    MAX_PLAYLISTS))
            .items();
    List<Playlist> playlists = library.playlists(ids);
    Map<Long, Track> tracks = tracks(playlists);
    Map<Long, String> owners = owners(playlists);
    Node n = Node.of("playlists").addAll("playlist", List.of());
    for (Playlist p : playlists) {
      n.add(summary(p, tracks, owners));
    }
    return n;
  }

  private Node withEntries(Playlist p, long userId) {
    Map<Long, Track> tracks = tracks(List.of(p));
    List<Track> entries = p.trackIds().stream().map(tracks::get).filter(t -> t != null).toList();
    return summary(p, tracks, owners(List.of(p)))
        .addAll("entry", views.songs("entry", entries, userId));
  }

  /**
   * {@code playlistId} replaces an own playlist's songs; otherwise {@code name} makes a new one.
   */
  private Node create(SubsonicRequest r) {
    List<Long> songs = songs(r, "songId");
    Playlist p;
    if (r.string("playlistId").isPresent()) {
      Playlist old = own(r, "playlistId");
      p =
          new Playlist(
              old.id(),
              old.uuid(),
              r.string("name").orElse(old.name()),
              old.userId(),
              old.creationDate(),
              old.zipAllowed(),
              songs,
              today(songs.size()));
    } else {
      String name = r.required("name");
      long id = store.allocateIds("playlists", 1);
      p =
          new Playlist(
              id,
              null,
              name,
              r.userId(),
              LocalDate.now(ZoneOffset.UTC),
              true,
              songs,
              today(songs.size()));
    }
    store.write(LibraryTables.PLAYLISTS, List.of(p));
    return withEntries(playlist(p.id(), "playlistId"), r.userId());
  }

  /**
   * Renames, removes the songs at {@code songIndexToRemove} (positions before the change) and
   * appends {@code songIdToAdd}. {@code comment} and {@code public} are accepted and ignored: every
   * playlist is public and has no comment.
   */
  private Node update(SubsonicRequest r) {
    Playlist old = own(r, "playlistId");
    List<Long> add = songs(r, "songIdToAdd");
    TreeSet<Integer> remove = new TreeSet<>();
    for (String s : r.strings("songIndexToRemove")) {
      int i;
      try {
        i = Integer.parseInt(s.strip());
      } catch (NumberFormatException e) {
        throw SubsonicException.invalid("songIndexToRemove", "must be an integer", s);
      }
      if (i < 0 || i >= old.trackIds().size()) {
        throw SubsonicException.invalid(
            "songIndexToRemove", "must be a position from 0 to " + (old.trackIds().size() - 1), s);
      }
      remove.add(i);
    }
    r.bool("public", true);
    List<Long> ids = new ArrayList<>();
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < old.trackIds().size(); i++) {
      if (!remove.contains(i)) {
        ids.add(old.trackIds().get(i));
        dates.add(old.addedDates().get(i));
      }
    }
    ids.addAll(add);
    dates.addAll(today(add.size()));
    String name = r.string("name").map(String::strip).filter(s -> !s.isEmpty()).orElse(old.name());
    store.write(
        LibraryTables.PLAYLISTS,
        List.of(
            new Playlist(
                old.id(),
                old.uuid(),
                name,
                old.userId(),
                old.creationDate(),
                old.zipAllowed(),
                ids,
                dates)));
    return null;
  }

  private Node delete(SubsonicRequest r) {
    library.deletePlaylist(own(r, "id").id());
    return null;
  }

  private Playlist own(SubsonicRequest r, String param) {
    Playlist p = playlist(r.requiredId(param), param);
    if (p.userId() == null || p.userId() != r.userId()) {
      throw new SubsonicException(
          SubsonicCode.NOT_AUTHORIZED,
          "parameter '" + param + "': playlist " + p.id() + " belongs to another user");
    }
    return p;
  }

  private Playlist playlist(long id, String param) {
    List<Playlist> p = library.playlists(List.of(id));
    if (p.isEmpty()) {
      throw SubsonicException.notFound("playlist (parameter '" + param + "')", id);
    }
    return p.getFirst();
  }

  private List<Long> songs(SubsonicRequest r, String param) {
    List<Long> ids = r.ids(param);
    long found = entities.tracks(ids).size();
    if (found < ids.stream().distinct().count()) {
      throw SubsonicException.notFound("song (parameter '" + param + "')", ids);
    }
    return ids;
  }

  private static List<LocalDate> today(int n) {
    LocalDate d = LocalDate.now(ZoneOffset.UTC);
    List<LocalDate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(d);
    }
    return out;
  }

  private Map<Long, Track> tracks(List<Playlist> playlists) {
    Map<Long, Track> m = new HashMap<>();
    List<Long> ids = playlists.stream().flatMap(p -> p.trackIds().stream()).distinct().toList();
    entities.tracks(ids).forEach(t -> m.put(t.id(), t));
    return m;
  }

  private Map<Long, String> owners(List<Playlist> playlists) {
    Map<Long, String> m = new HashMap<>();
    List<Long> ids =
        playlists.stream().map(Playlist::userId).filter(u -> u != null).distinct().toList();
    for (User u : library.users(ids)) {
      m.put(u.id(), u.name());
    }
    return m;
  }

  private static Node summary(Playlist p, Map<Long, Track> tracks, Map<Long, String> owners) {
    List<Track> present = p.trackIds().stream().map(tracks::get).filter(t -> t != null).toList();
    String day =
        (p.creationDate() == null ? LocalDate.EPOCH : p.creationDate())
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .toString();
    return Node.of("playlist")
        .attr("id", Long.toString(p.id()))
        .attr("name", p.name())
        .attr("owner", p.userId() == null ? null : owners.get(p.userId()))
        .attr("public", true)
        .attr("songCount", present.size())
        .attr("duration", Math.round(present.stream().mapToLong(Track::durationMs).sum() / 1000.0))
        .attr("created", day)
        .attr("changed", day);
  }
}

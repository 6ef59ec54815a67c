package dev.stave.jamendo.playlists;

import dev.stave.catalog.Track;
import dev.stave.jamendo.api.JamendoCode;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.SubEntityBudget;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Playlist;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/playlists/tracks} (spec §8.14): the {@code playlists} selection, each playlist
 * with its tracks. Needs one of {@code id, name, user_id, access_token, user_name}.
 *
 * <p>Playlist orders order the playlists; {@code track_id}, {@code track_name}, {@code
 * track_added_date} and {@code track_position} order the tracks inside each (default: playlist
 * position). {@code positionbetween} is on the 1-based position in the playlist; {@code track_type}
 * defaults to album tracks as everywhere in the dialect. At most 400 tracks per response (spec
 * §5.3); later playlists get fewer.
 */
@Component
public class PlaylistTracksMethod implements JamendoMethod {
  private static final List<String> REQUIRED =
      List.of("id", "name", "user_id", "access_token", "user_name");
  private static final List<String> ORDERS =
      PlaylistSelection.orderValues("track_id", "track_name", "track_added_date", "track_position");

  private final LibraryViews views;
  private final LibraryStore library;

  public PlaylistTracksMethod(LibraryViews views, LibraryStore library) {
    this.views = views;
    this.library = library;
  }

  @Override
  public String path() {
    return "playlists/tracks";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon(
        Stream.concat(
                PlaylistSelection.PARAMETERS.stream(),
                Stream.of("audiodlformat", "track_type", "imagesize", "positionbetween"))
            .toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "playlist";
  }

  @Override
  public Result execute(JamendoParams p) {
    if (REQUIRED.stream().noneMatch(p::has)) {
      throw new JamendoException(
          JamendoCode.REQUIRED_PARAMETER,
          "one of the parameters " + String.join(", ", REQUIRED) + " is required");
    }
    boolean fullcount = p.fullcount();
    LibraryViews.TrackFormat format = LibraryViews.trackFormat(p, "imagesize");
    Set<String> types = new HashSet<>(p.manyOf("track_type", List.of("single", "albumtrack")));
    if (types.isEmpty()) {
      types.add("albumtrack");
    }
    Optional<long[]> positions = p.integerRange("positionbetween");
    List<String> orders = p.manyOf("order", ORDERS);
    List<String> trackOrders =
        orders.stream().filter(o -> JamendoOrder.field(o).startsWith("track_")).toList();
    PlaylistSelection.Selected s = PlaylistSelection.select(p, orders, views, library);
    LibraryViews.Tracks loaded =
        views.tracks(s.playlists().stream().flatMap(pl -> pl.trackIds().stream()).toList());
    SubEntityBudget budget = new SubEntityBudget();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Playlist pl : s.playlists()) {
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < pl.trackIds().size(); i++) {
        Track t = loaded.tracks().get(pl.trackIds().get(i));
        int position = i + 1;
        boolean inRange =
            positions.isEmpty()
                || (position >= positions.get()[0] && position <= positions.get()[1]);
        if (t != null && inRange && types.contains(t.albumId() == null ? "single" : "albumtrack")) {
          entries.add(new Entry(position, t, pl.addedDates().get(i)));
        }
      }
      entries.sort(comparator(trackOrders));
      List<Map<String, Object>> tracks = new ArrayList<>();
      for (Entry e : budget.take(entries)) {
        Map<String, Object> all = views.trackFields(e.track(), loaded, format);
        all.put("playlistadddate", LibraryViews.date(e.added()));
        all.put("position", String.valueOf(e.position()));
        tracks.add(
            LibraryViews.pick(
                all,
                "id",
                "name",
                "album_id",
                "artist_id",
                "duration",
                "artist_name",
                "playlistadddate",
                "position",
                "license_ccurl",
                "album_image",
                "image",
                "audio",
                "audiodownload",
                "audiodownload_allowed"));
      }
      Map<String, Object> m = PlaylistSelection.render(pl, s.users(), views, false);
      m.put("tracks", tracks);
      out.add(m);
    }
    return Result.of(out, fullcount ? s.total() : null);
  }

  /** One track of a playlist: its 1-based position and the day it was added. */
  private record Entry(int position, Track track, LocalDate added) {}

  private static Comparator<Entry> comparator(List<String> orders) {
    return JamendoOrder.comparator(
        orders,
        field ->
            switch (field) {
              case "track_id" -> Comparator.comparingLong(e -> e.track().id());
              case "track_name" ->
                  Comparator.comparing(e -> e.track().name(), String.CASE_INSENSITIVE_ORDER);
              case "track_added_date" ->
                  Comparator.comparing(
                      Entry::added, Comparator.nullsLast(Comparator.naturalOrder()));
              default -> Comparator.comparingInt(Entry::position);
            },
        Comparator.comparingInt(Entry::position));
  }
}

package dev.stave.jamendo.users;

import dev.stave.catalog.Track;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import dev.stave.library.Review;
import dev.stave.library.ReviewQuery;
import dev.stave.library.Targets;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/users/tracks} (spec §8.25): the tracks each user favorited, liked or reviewed,
 * one entry per track with its {@code relations{review, favorite, like}}. The user is one {@code
 * id} or the {@code access_token}'s (no {@code name}). {@code relation} keeps tracks having any of
 * the given relations ({@code favorite+like} = either). Tracks are filtered by {@code track_id},
 * {@code artist_id}, {@code album_id} and {@code track_type} (album tracks by default).
 *
 * <p>Orders: {@code updatedate} is the latest of the track's relations (a review counts from the
 * start of its day); {@code rating} is always descending and sums the review's score on the 0–10
 * scale, 9 for a favorite and 8 for a like. Without an order the latest come first.
 */
@Component
public class UserTracksMethod extends UserRelationsMethod {
  private static final List<String> RELATIONS = List.of("like", "favorite", "review");
  private static final int FAVORITE_WEIGHT = 9;
  private static final int LIKE_WEIGHT = 8;

  public UserTracksMethod(LibraryViews views, LibraryStore library) {
    super(views, library);
  }

  @Override
  public String path() {
    return "users/tracks";
  }

  @Override
  String listName() {
    return "tracks";
  }

  @Override
  boolean byName() {
    return false;
  }

  @Override
  List<String> ownParameters() {
    return List.of(
        "track_type",
        "track_id",
        "artist_id",
        "album_id",
        "audioformat",
        "audiodlformat",
        "album_imagesize",
        "relation");
  }

  @Override
  Nested nested(JamendoParams p) {
    Set<String> wanted = new HashSet<>(p.manyOf("relation", RELATIONS));
    if (wanted.isEmpty()) {
      wanted.addAll(RELATIONS);
    }
    Set<String> types = new HashSet<>(p.manyOf("track_type", List.of("single", "albumtrack")));
    if (types.isEmpty()) {
      types.add("albumtrack");
    }
    Targets targets =
        new Targets(
            p.integers("track_id"),
            p.integers("album_id"),
            p.integers("artist_id"),
            types.size() == 2 ? null : types.contains("single"));
    List<String> orders = p.manyOf("order", JamendoOrder.values("updatedate", "rating"));
    LibraryViews.TrackFormat format = LibraryViews.trackFormat(p, "album_imagesize");
    return users -> {
      List<Long> userIds = users.stream().map(User::id).toList();
      Map<Long, Map<Long, Entry>> entries = new HashMap<>();
      Set<Relation> relations = EnumSet.noneOf(Relation.class);
      if (wanted.contains("favorite")) {
        relations.add(Relation.FAVORITE);
      }
      if (wanted.contains("like")) {
        relations.add(Relation.LIKE);
      }
      for (UserRelation r : library.relations(userIds, relations, targets)) {
        Entry e = entry(entries, r.userId(), r.targetId());
        e.favorite |= r.relation() == Relation.FAVORITE;
        e.like |= r.relation() == Relation.LIKE;
        e.touch(r.updatedAt());
      }
      if (wanted.contains("review")) {
        // newest first: the first review of a track is the one that counts
        for (Review r : library.reviews(ReviewQuery.byUsers("track", userIds, targets)).items()) {
          Entry e = entry(entries, r.userId(), r.entityId());
          if (!e.reviewed) {
            e.reviewed = true;
            e.score = r.score();
          }
          e.touch(r.dateAdded() == null ? null : r.dateAdded().atStartOfDay());
        }
      }
      LibraryViews.Tracks loaded =
          views.tracks(
              entries.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList());
      Map<Long, List<Map<String, Object>>> out = new HashMap<>();
      entries.forEach(
          (userId, byTrack) -> {
            List<Entry> list = new ArrayList<>(byTrack.values());
            list.sort(comparator(orders));
            List<Map<String, Object>> items = new ArrayList<>();
            for (Entry e : list) {
              Track t = loaded.tracks().get(e.trackId);
              if (t != null) {
                items.add(render(e, t, loaded, format));
              }
            }
            out.put(userId, items);
          });
      return out;
    };
  }

  private Map<String, Object> render(
      Entry e, Track t, LibraryViews.Tracks loaded, LibraryViews.TrackFormat format) {
    Map<String, Object> all = views.trackFields(t, loaded, format);
    all.put("updatedate", LibraryViews.dateTime(e.updated));
    Map<String, Object> relations = new LinkedHashMap<>();
    relations.put("review", e.score == null ? "0" : LibraryViews.score(e.score));
    relations.put("favorite", e.favorite ? "1" : "0");
    relations.put("like", e.like ? "1" : "0");
    all.put("relations", relations);
    return LibraryViews.pick(
        all,
        "id",
        "name",
        "releasedate",
        "artist_id",
        "duration",
        "artist_name",
        "license_ccurl",
        "updatedate",
        "album_image",
        "image",
        "audio",
        "audiodownload",
        "relations",
        "audiodownload_allowed");
  }

  private static Entry entry(Map<Long, Map<Long, Entry>> entries, long userId, long trackId) {
    return entries
        .computeIfAbsent(userId, k -> new HashMap<>())
        .computeIfAbsent(trackId, Entry::new);
  }

  /** Rating orders are always descending (spec §5.2); ties fall back to the newest, then id. */
  private static Comparator<Entry> comparator(List<String> orders) {
    List<String> directed =
        orders.stream()
            .map(o -> "rating".equals(JamendoOrder.field(o)) ? "rating_desc" : o)
            .toList();
    Comparator<Entry> newest =
        Comparator.comparing(
                (Entry e) -> e.updated, Comparator.nullsFirst(Comparator.naturalOrder()))
            .reversed()
            .thenComparingLong(e -> e.trackId);
    return JamendoOrder.comparator(
        directed,
        field ->
            "rating".equals(field)
                ? Comparator.comparingDouble(Entry::rating)
                : Comparator.comparing(
                    (Entry e) -> e.updated, Comparator.nullsFirst(Comparator.naturalOrder())),
        newest);
  }

  /** One track of a user with its relations. */
  private static final class Entry {
    final long trackId;
    boolean favorite;
    boolean like;
    boolean reviewed;
    Double score;
    LocalDateTime updated;

    Entry(long trackId) {
      this.trackId = trackId;
    }

    void touch(LocalDateTime t) {
      if (t != null && (updated == null || t.isAfter(updated))) {
        updated = t;
      }
    }

    double rating() {
      return (score == null ? 0 : score * 2)
          + (favorite ? FAVORITE_WEIGHT : 0)
          + (like ? LIKE_WEIGHT : 0);
    }
  }
}

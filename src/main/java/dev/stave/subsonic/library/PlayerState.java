package dev.stave.subsonic.library;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What players keep per user that the shared library has no place for: ratings of one to five stars
 * (setRating), the saved play queue (savePlayQueue), and when each album was last played
 * (getAlbumList2 type=recent). Favorites, playlists and listen counts are the shared library's
 * ({@code dev.stave.library}, {@code CatalogStore#countListen}), so that every dialect sees them.
 */
@Component
public class PlayerState {
  /** The kinds of entity a rating is given to. */
  public enum Kind {
    SONG,
    ALBUM,
    ARTIST
  }

  /** A saved play queue. */
  public record PlayQueue(
      List<Long> trackIds, Long currentId, long positionMs, Instant changed, String changedBy) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public PlayerState(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Sets a rating from 1 to 5, or removes it with 0. */
  public void rate(long userId, Kind kind, long targetId, int rating) {
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              "DELETE FROM subsonic_ratings WHERE user_id = ? AND kind = ? AND target_id = ?",
              userId,
              kind.name(),
              targetId);
          if (rating > 0) {
            jdbc.update(
                "INSERT INTO subsonic_ratings (user_id, kind, target_id, rating) VALUES (?, ?, ?,"
                    + " ?)",
                userId,
                kind.name(),
                targetId,
                rating);
          }
        });
  }

  /** The user's ratings of the given entities. */
  public Map<Long, Integer> ratings(long userId, Kind kind, Collection<Long> targetIds) {
    Map<Long, Integer> out = new HashMap<>();
    if (targetIds.isEmpty()) {
      return out;
    }
    List<Long> ids = targetIds.stream().distinct().limit(1000).toList();
    jdbc.query(
        "SELECT target_id, rating FROM subsonic_ratings WHERE user_id = ? AND kind = ? AND"
            + " target_id IN ("
            + ids.stream().map(i -> "?").collect(Collectors.joining(","))
            + ")",
        rs -> {
          out.put(rs.getLong(1), rs.getInt(2));
        },
        args(userId, kind.name(), ids));
    return out;
  }

  /** The user's rated entities of a kind, best first, a page of them. */
  public List<Long> highestRated(long userId, Kind kind, int offset, int size) {
    return jdbc.queryForList(
        "SELECT target_id FROM subsonic_ratings WHERE user_id = ? AND kind = ?"
            + " ORDER BY rating DESC, target_id LIMIT ? OFFSET ?",
        Long.class,
        userId,
        kind.name(),
        size,
        offset);
  }

  public void savePlayQueue(long userId, PlayQueue q) {
    String ids = q.trackIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    tx.executeWithoutResult(
        s -> {
          jdbc.update("DELETE FROM subsonic_play_queues WHERE user_id = ?", userId);
          jdbc.update(
              "INSERT INTO subsonic_play_queues (user_id, track_ids, current_id, position_ms,"
                  + " changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)",
              userId,
              ids,
              q.currentId(),
              q.positionMs(),
              q.changed().toString(),
              q.changedBy());
        });
  }

  public Optional<PlayQueue> playQueue(long userId) {
    return jdbc
        .query(
            "SELECT track_ids, current_id, position_ms, changed_at, changed_by FROM"
                + " subsonic_play_queues WHERE user_id = ?",
            (rs, i) -> {
              String ids = rs.getString(1);
              long current = rs.getLong(2);
              Long currentId = rs.wasNull() ? null : current;
              return new PlayQueue(
                  ids.isEmpty()
                      ? List.of()
                      : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(),
                  currentId,
                  rs.getLong(3),
                  Instant.parse(rs.getString(4)),
                  rs.getString(5));
            },
            userId)
        .stream()
        .findFirst();
  }

  /** Notes that the user played a track of {@code albumId} at {@code at}. */
  public void played(long userId, long albumId, Instant at) {
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              "DELETE FROM subsonic_recent_albums WHERE user_id = ? AND album_id = ?",
              userId,
              albumId);
          jdbc.update(
              "INSERT INTO subsonic_recent_albums (user_id, album_id, played_at) VALUES (?, ?, ?)",
              userId,
              albumId,
              at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        });
  }

  /** The albums the user played, most recent first, a page of them. */
  public List<Long> recentAlbums(long userId, int offset, int size) {
    return jdbc.queryForList(
        "SELECT album_id FROM subsonic_recent_albums WHERE user_id = ?"
            + " ORDER BY played_at DESC, album_id LIMIT ? OFFSET ?",
        Long.class,
        userId,
        size,
        offset);
  }

  private static Object[] args(long userId, String kind, List<Long> ids) {
    Object[] a = new Object[ids.size() + 2];
    a[0] = userId;
    a[1] = kind;
    for (int i = 0; i < ids.size(); i++) {
      a[i + 2] = ids.get(i);
    }
    return a;
  }
}

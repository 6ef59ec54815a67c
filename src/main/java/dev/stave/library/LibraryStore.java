package dev.stave.library;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.WriteCounts;
import dev.stave.search.NameMatch;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes the user library: users, their relations to artists, albums and tracks,
 * playlists and reviews. Every read is a fixed number of queries whatever the number of users or
 * playlists asked for (IN lists, no query per item). Relations and reviews whose target is not in
 * the catalog are stored but never read back (spec §9.1), since reads join the catalog table.
 *
 * <p>Relation writes are idempotent: setting a relation that exists or removing one that does not
 * changes nothing. A like removes a dislike of the same track and the other way round.
 */
@Component
public class LibraryStore {
  /** SQLite's default limit on bound parameters is 32766; stay well below for IN lists. */
  private static final int IN_CHUNK = 900;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private final JdbcTemplate jdbc;

  /** For long reads: fetches rows in batches (PostgreSQL holds a cursor inside a transaction). */
  private final JdbcTemplate streaming;

  private final TransactionTemplate tx;
  private final CatalogStore catalog;

  public LibraryStore(JdbcTemplate jdbc, TransactionTemplate tx, CatalogStore catalog) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    streaming.setFetchSize(1_000);
    this.tx = tx;
    this.catalog = catalog;
  }

  // ---------------------------------------------------------------- users

  /** Users by id, in the order of {@code ids}; unknown ids are left out. */
  public List<User> users(Collection<Long> ids) {
    return catalog.read(LibraryTables.USERS, ids);
  }

  /** Users by exact name, in the order of {@code names}; unknown names are left out. */
  public List<User> usersNamed(Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, Long> ids = new HashMap<>();
    List<String> distinct = names.stream().distinct().toList();
    forChunks(
        distinct,
        chunk ->
            jdbc.query(
                "SELECT name, id FROM users WHERE name IN (" + marks(chunk.size()) + ")",
                rs -> {
                  ids.put(rs.getString(1), rs.getLong(2));
                },
                chunk.toArray()));
    return users(distinct.stream().filter(ids::containsKey).map(ids::get).toList());
  }

  // ---------------------------------------------------------------- relations

  /**
   * Establishes a relation now unless it exists (its time is then kept). A like replaces a dislike
   * of the same track and the other way round. A track's favorite, like and dislike counters and
   * its popularity follow ({@link CatalogStore#adjustTrackStats}), in the same transaction.
   *
   * @return whether anything changed
   */
  public boolean set(long userId, Relation relation, long targetId, LocalDateTime at) {
    return change(userId, relation, targetId, at);
  }

  /**
   * Removes a relation; the track's counters and popularity follow, as for {@link #set}.
   *
   * @return whether it existed
   */
  public boolean unset(long userId, Relation relation, long targetId) {
    return change(userId, relation, targetId, null);
  }

  /** Sets ({@code at} given) or removes ({@code at} null) a relation, counters included. */
  private boolean change(long userId, Relation relation, long targetId, LocalDateTime at) {
    Boolean changed =
        tx.execute(
            status -> {
              Map<Relation, Integer> delta = new java.util.EnumMap<>(Relation.class);
              boolean done;
              if (at == null) {
                done = delete(userId, relation, targetId);
                delta.merge(relation, done ? -1 : 0, Integer::sum);
              } else {
                if (relation.opposite() != null && delete(userId, relation.opposite(), targetId)) {
                  delta.merge(relation.opposite(), -1, Integer::sum);
                }
                done =
                    jdbc.update(
                            "INSERT INTO user_relations (user_id, relation, target_id, updated_at)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, relation, target_id)"
                                + " DO NOTHING",
                            userId,
                            relation.key(),
                            targetId,
                            TIME.format(
                                new UserRelation(userId, relation, targetId, at).updatedAt()))
                        > 0;
                delta.merge(relation, done ? 1 : 0, Integer::sum);
              }
              if (relation.target() == Relation.Target.TRACK
                  && delta.values().stream().anyMatch(d -> d != 0)) {
                catalog.adjustTrackStats(
                    targetId,
                    delta.getOrDefault(Relation.FAVORITE, 0),
                    delta.getOrDefault(Relation.LIKE, 0),
                    delta.getOrDefault(Relation.DISLIKE, 0));
              }
              return done;
            });
    return Boolean.TRUE.equals(changed);
  }

  private boolean delete(long userId, Relation relation, long targetId) {
    return jdbc.update(
            "DELETE FROM user_relations WHERE user_id = ? AND relation = ? AND target_id = ?",
            userId,
            relation.key(),
            targetId)
        > 0;
  }

  /**
   * Writes relations as given (an import): new ones are created, stored ones take the given time.
   * Joins the caller's transaction when there is one.
   */
  public WriteCounts write(List<UserRelation> relations) {
    if (relations.isEmpty()) {
      return WriteCounts.ZERO;
    }
    Map<List<Object>, UserRelation> byKey = new LinkedHashMap<>();
    for (UserRelation r : relations) {
      byKey.put(key(r.userId(), r.relation().key(), r.targetId()), r);
    }
    WriteCounts counts =
        tx.execute(
            status -> {
              Map<List<Object>, String> stored = new HashMap<>();
              List<Long> users = relations.stream().map(UserRelation::userId).distinct().toList();
              forChunks(
                  users,
                  chunk ->
                      jdbc.query(
                          "SELECT user_id, relation, target_id, updated_at FROM user_relations"
                              + " WHERE user_id IN ("
                              + marks(chunk.size())
                              + ")",
                          rs -> {
                            stored.put(
                                key(rs.getLong(1), rs.getString(2), rs.getLong(3)),
                                rs.getString(4));
                          },
                          chunk.toArray()));
              List<Object[]> inserts = new ArrayList<>();
              List<Object[]> updates = new ArrayList<>();
              byKey.forEach(
                  (k, r) -> {
                    String time = TIME.format(r.updatedAt());
                    String old = stored.get(k);
                    if (old == null) {
                      inserts.add(new Object[] {k.get(0), k.get(1), k.get(2), time});
                    } else if (!old.equals(time)) {
                      updates.add(new Object[] {time, k.get(0), k.get(1), k.get(2)});
                    }
                  });
              if (!inserts.isEmpty()) {
                jdbc.batchUpdate(
                    "INSERT INTO user_relations (user_id, relation, target_id, updated_at)"
                        + " VALUES (?, ?, ?, ?)",
                    inserts);
              }
              if (!updates.isEmpty()) {
                jdbc.batchUpdate(
                    "UPDATE user_relations SET updated_at = ?"
                        + " WHERE user_id = ? AND relation = ? AND target_id = ?",
                    updates);
              }
              return new WriteCounts(
                  inserts.size(), updates.size(), byKey.size() - inserts.size() - updates.size());
            });
    return counts == null ? WriteCounts.ZERO : counts;
  }

  private static List<Object> key(long userId, String relation, long targetId) {
    return List.of(userId, relation, targetId);
  }

  /**
   * The relations of the given kinds (all pointing at one kind of entity) of the given users whose
   * target is in the catalog and passes {@code targets}, most recent first.
   */
  public List<UserRelation> relations(
      Collection<Long> userIds, Set<Relation> relations, Targets targets) {
    if (userIds.isEmpty() || relations.isEmpty()) {
      return List.of();
    }
    Relation.Target target = relations.iterator().next().target();
    if (relations.stream().anyMatch(r -> r.target() != target)) {
      throw new IllegalArgumentException("relations of one target kind at a time: " + relations);
    }
    Sql sql = new Sql();
    sql.in("r.user_id", List.copyOf(userIds));
    sql.in("r.relation", relations.stream().map(Relation::key).toList());
    sql.targets("r.target_id", target, targets);
    return jdbc.query(
        "SELECT r.user_id, r.relation, r.target_id, r.updated_at FROM user_relations r JOIN "
            + target.table()
            + " x ON x.id = r.target_id"
            + sql.where()
            + " ORDER BY r.updated_at DESC, r.target_id",
        LibraryStore::relationRow,
        sql.args());
  }

  /**
   * Up to {@code max} stored relations after {@code after} (null: from the start) in the order
   * (user, relation, target), targets in the catalog or not: a keyset page, so an export reads
   * every relation in constant memory.
   */
  public List<UserRelation> relationsAfter(UserRelation after, int max) {
    String where = "";
    Object[] args = {max};
    if (after != null) {
      where =
          " WHERE user_id > ? OR (user_id = ? AND relation > ?)"
              + " OR (user_id = ? AND relation = ? AND target_id > ?)";
      long u = after.userId();
      String r = after.relation().key();
      args = new Object[] {u, u, r, u, r, after.targetId(), max};
    }
    return jdbc.query(
        "SELECT user_id, relation, target_id, updated_at FROM user_relations"
            + where
            + " ORDER BY user_id, relation, target_id LIMIT ?",
        LibraryStore::relationRow,
        args);
  }

  /** A row of {@code user_id, relation, target_id, updated_at}. */
  private static UserRelation relationRow(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new UserRelation(
        rs.getLong(1),
        Relation.of(rs.getString(2)),
        rs.getLong(3),
        LocalDateTime.parse(rs.getString(4), TIME));
  }

  /** The number of stored relations. */
  public long relationCount() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM user_relations", Long.class);
    return n == null ? 0 : n;
  }

  // ---------------------------------------------------------------- playlists

  /**
   * Deletes a playlist and its entries (a listener removing their own list; the Jamendo dialect has
   * no such write, the Subsonic one does). Playlists are not in the search index, so no change is
   * recorded.
   *
   * @return whether it existed
   */
  public boolean deletePlaylist(long id) {
    Boolean deleted =
        tx.execute(
            status -> {
              jdbc.update("DELETE FROM playlist_tracks WHERE playlist_id = ?", id);
              return jdbc.update("DELETE FROM playlists WHERE id = ?", id) > 0;
            });
    return Boolean.TRUE.equals(deleted);
  }

  /** Ids of the playlists matching {@code q}, one page, with the total. */
  public Page<Long> playlists(PlaylistQuery q) {
    Sql sql = new Sql();
    sql.in("p.id", q.ids());
    if (q.name() != null) {
      sql.add("p.name = ?", q.name());
    }
    sql.in("p.user_id", q.userIds());
    if (q.userName() != null) {
      sql.add("p.user_id IN (SELECT u.id FROM users u WHERE u.name = ?)", q.userName());
    }
    sql.range("p.creation_date", q.createdFrom(), q.createdTo());
    String from = " FROM playlists p" + sql.where();
    String order =
        orderBy(
            q.orders(),
            f ->
                switch (f) {
                  case ID -> "p.id";
                  case NAME -> "p.name";
                  case CREATION_DATE -> "p.creation_date";
                },
            "p.id",
            false);
    if (q.nameContains() != null) {
      return playlistsNamed(NameMatch.substring(q.nameContains()), from + order, sql, q);
    }
    List<Long> ids =
        jdbc.queryForList(
            "SELECT p.id" + from + order + " LIMIT ? OFFSET ?",
            Long.class,
            sql.args(q.limit(), q.offset()));
    return new Page<>(ids, count(from, sql));
  }

  /**
   * The page of the playlists whose name contains {@code match}, compared as track and artist names
   * are (case, accents and repeated spaces ignored, every character literal), which SQL's LIKE and
   * LOWER cannot do alike on SQLite and PostgreSQL. The names of the playlists passing the other
   * conditions are read in order in one streamed pass (a cursor on PostgreSQL), keeping only the
   * page: the same scan a LIKE with a leading wildcard makes, in bounded memory.
   */
  private Page<Long> playlistsNamed(
      NameMatch match, String fromWhereOrder, Sql sql, PlaylistQuery q) {
    List<Long> ids = new ArrayList<>();
    long[] total = {0};
    tx.execute(
        status -> {
          streaming.query(
              "SELECT p.id, p.name" + fromWhereOrder,
              (RowCallbackHandler)
                  rs -> {
                    if (match.matches(rs.getString(2))) {
                      if (total[0] >= q.offset() && ids.size() < q.limit()) {
                        ids.add(rs.getLong(1));
                      }
                      total[0]++;
                    }
                  },
              sql.args());
          return null;
        });
    return new Page<>(ids, total[0]);
  }

  /** Playlists by id with their entries, in the order of {@code ids}. */
  public List<Playlist> playlists(Collection<Long> ids) {
    return catalog.read(LibraryTables.PLAYLISTS, ids);
  }

  // ---------------------------------------------------------------- reviews

  /** The reviews matching {@code q}, one page, with the total. */
  public Page<Review> reviews(ReviewQuery q) {
    Sql sql = new Sql();
    sql.add("r.entity_type = ?", q.entityType());
    sql.in("r.id", q.ids());
    if (q.lang() != null) {
      sql.add("r.lang = ?", q.lang());
    }
    sql.range("r.date_added", q.from(), q.to());
    sql.in("r.user_id", q.userIds());
    if (q.hasScore() != null) {
      sql.add(q.hasScore() ? "r.score IS NOT NULL" : "r.score IS NULL");
    }
    Relation.Target target =
        "album".equals(q.entityType()) ? Relation.Target.ALBUM : Relation.Target.TRACK;
    sql.targets("r.entity_id", target, q.targets());
    String from =
        " FROM reviews r JOIN " + target.table() + " x ON x.id = r.entity_id" + sql.where();
    boolean paged = q.limit() != Integer.MAX_VALUE;
    String order =
        q.orders().isEmpty()
            ? " ORDER BY (r.date_added IS NULL), r.date_added DESC, r.id DESC"
            : orderBy(
                q.orders(),
                f ->
                    switch (f) {
                      case ID -> "r.id";
                      case DATE_ADDED -> "r.date_added";
                      case SCORE -> "r.score";
                    },
                "r.id",
                true);
    List<Review> items =
        jdbc.query(
            "SELECT r.*" + from + order + (paged ? " LIMIT ? OFFSET ?" : ""),
            (rs, i) -> LibraryTables.REVIEWS.read(rs, Map.of()),
            paged ? sql.args(q.limit(), q.offset()) : sql.args());
    return new Page<>(items, paged ? count(from, sql) : items.size());
  }

  // ---------------------------------------------------------------- helpers

  private long count(String from, Sql sql) {
    Long n = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, sql.args());
    return n == null ? 0 : n;
  }

  /**
   * ORDER BY for the given sort keys, then {@code tieBreak}. Nulls sort last in both directions on
   * both databases (SQLite puts them first, PostgreSQL last, unless told).
   */
  private static <F extends Enum<F>> String orderBy(
      List<Order<F>> orders, Function<F, String> column, String tieBreak, boolean nullable) {
    List<String> parts = new ArrayList<>();
    for (Order<F> o : orders) {
      String c = column.apply(o.field());
      if (nullable) {
        parts.add("(" + c + " IS NULL)");
      }
      parts.add(c + (o.descending() ? " DESC" : ""));
    }
    parts.add(tieBreak);
    return " ORDER BY " + String.join(", ", parts);
  }

  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static <E> void forChunks(List<E> items, Consumer<List<E>> chunkConsumer) {
    for (int i = 0; i < items.size(); i += IN_CHUNK) {
      chunkConsumer.accept(items.subList(i, Math.min(items.size(), i + IN_CHUNK)));
    }
  }

  /** A WHERE clause built from conditions and their bound values. */
  private static final class Sql {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    void add(String condition, Object... values) {
      conditions.add(condition);
      args.addAll(List.of(values));
    }

    /** {@code column IN (…)}; nothing when {@code values} is empty. */
    void in(String column, List<?> values) {
      if (!values.isEmpty()) {
        if (values.size() > IN_CHUNK) {
          throw new IllegalArgumentException("at most " + IN_CHUNK + " values for " + column);
        }
        add(column + " IN (" + marks(values.size()) + ")", values.toArray());
      }
    }

    void range(String column, LocalDate from, LocalDate to) {
      if (from != null) {
        add(column + " >= ?", from.toString());
      }
      if (to != null) {
        add(column + " <= ?", to.toString());
      }
    }

    /** Filters on the catalog entity {@code x} joined as the target. */
    void targets(String targetColumn, Relation.Target target, Targets t) {
      in(targetColumn, t.ids());
      if (target == Relation.Target.TRACK) {
        in("x.album_id", t.albumIds());
        if (!t.artistIds().isEmpty()) {
          add(
              "x.id IN (SELECT ta.track_id FROM track_artists ta WHERE ta.artist_id IN ("
                  + marks(t.artistIds().size())
                  + "))",
              t.artistIds().toArray());
        }
        if (t.single() != null) {
          add(t.single() ? "x.album_id IS NULL" : "x.album_id IS NOT NULL");
        }
      } else if (target == Relation.Target.ALBUM) {
        in("x.artist_id", t.artistIds());
      }
    }

    String where() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Object[] args(Object... more) {
      List<Object> all = new ArrayList<>(args);
      all.addAll(List.of(more));
      return all.toArray();
    }
  }
}

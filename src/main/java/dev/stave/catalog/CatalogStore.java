package dev.stave.catalog;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's source of truth in SQL (SQLite or PostgreSQL, same statements). Writes are
 * idempotent upserts in one transaction per batch: an entity identical to what is stored is left
 * alone, a changed one is rewritten with its relation rows, and every created or changed entity is
 * appended to the change log in the same transaction, which the search index follows.
 */
@Component
public class CatalogStore {
  /** SQLite's default limit on bound parameters is 32766; stay well below for IN lists. */
  private static final int IN_CHUNK = 900;

  /**
   * Bound parameters per multi-row INSERT: well under SQLite's limit (32,766) and PostgreSQL's
   * (65,535), and large enough that a batch of 5,000 tracks (49 columns) takes 62 statements.
   */
  private static final int INSERT_PARAMS = 4_000;

  /** Version-7 UUIDs (RFC 9562): unique like random ones, and ordered by creation time. */
  private static final TimeBasedEpochGenerator NEW_UUIDS = Generators.timeBasedEpochGenerator();

  public static final EntityTable<Artist> ARTISTS = new ArtistTable();
  public static final EntityTable<Album> ALBUMS = new AlbumTable();
  public static final EntityTable<Track> TRACKS = new TrackTable();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Map<String, AtomicLong> nextIds = new ConcurrentHashMap<>();
  private final ChangeLogWriter changeLog;

  public CatalogStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.changeLog = new ChangeLogWriter(jdbc);
  }

  /** Writes the batch atomically; returns what changed. */
  public WriteCounts write(CatalogBatch batch) {
    WriteCounts counts =
        tx.execute(
            status ->
                upsert(ARTISTS, batch.artists())
                    .plus(upsert(ALBUMS, batch.albums()))
                    .plus(upsert(TRACKS, batch.tracks())));
    return counts == null ? WriteCounts.ZERO : counts;
  }

  /**
   * Writes entities of any table description (users, playlists, reviews, radios, feeds…)
   * atomically, with the same idempotent upsert as {@link #write(CatalogBatch)}.
   */
  public <T> WriteCounts write(EntityTable<T> table, List<T> items) {
    WriteCounts counts = tx.execute(status -> upsert(table, items));
    return counts == null ? WriteCounts.ZERO : counts;
  }

  /** Reads entities of any table description by id, in the order of {@code ids}. */
  public <T> List<T> read(EntityTable<T> table, Collection<Long> ids) {
    return find(table, ids);
  }

  /**
   * Up to {@code max} entities of any table with ids above {@code afterId}, in id order: a keyset
   * page, so that a whole table can be read (an export) in constant memory, whatever its size.
   */
  public <T> List<T> readAfter(EntityTable<T> table, long afterId, int max) {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM " + table.table() + " WHERE id > ? ORDER BY id LIMIT ?",
            Long.class,
            afterId,
            max);
    return find(table, ids);
  }

  /**
   * The albums whose primary artist is one of {@code artistIds}, by artist then id (the nesting of
   * Jamendo's XML dump).
   */
  public List<Album> albumsOfArtists(Collection<Long> artistIds) {
    return find(ALBUMS, albumIdsOfArtistsInOrder(artistIds));
  }

  /** The ids of {@link #albumsOfArtists}, in its order. */
  public List<Long> albumIdsOfArtistsInOrder(Collection<Long> artistIds) {
    List<Long> ids = new ArrayList<>();
    forChunks(
        List.copyOf(artistIds),
        chunk ->
            ids.addAll(
                jdbc.queryForList(
                    "SELECT id FROM albums WHERE artist_id IN ("
                        + placeholders(chunk.size())
                        + ") ORDER BY artist_id, id",
                    Long.class,
                    chunk.toArray())));
    return ids;
  }

  /** The tracks of the given albums, by album, then position (unknown last), then id. */
  public List<Track> tracksOfAlbums(Collection<Long> albumIds) {
    return find(TRACKS, trackIdsOfAlbumsInOrder(albumIds));
  }

  /** The ids of {@link #tracksOfAlbums}, in its order. */
  public List<Long> trackIdsOfAlbumsInOrder(Collection<Long> albumIds) {
    List<Long> ids = new ArrayList<>();
    forChunks(
        List.copyOf(albumIds),
        chunk ->
            ids.addAll(
                jdbc.queryForList(
                    "SELECT id FROM tracks WHERE album_id IN ("
                        + placeholders(chunk.size())
                        + ") ORDER BY album_id, CASE WHEN position IS NULL THEN 1 ELSE 0 END,"
                        + " position, id",
                    Long.class,
                    chunk.toArray())));
    return ids;
  }

  /** What an album's tracks add up to: how many, how long, how often listened to. */
  public record AlbumTotals(int tracks, long durationMs, long listens) {
    public static final AlbumTotals NONE = new AlbumTotals(0, 0, 0);
  }

  /**
   * The totals of each given album that has tracks, one grouped query per chunk: a list page of
   * albums shows each one's song count and length without reading every track of every album.
   */
  public Map<Long, AlbumTotals> albumTotals(Collection<Long> albumIds) {
    Map<Long, AlbumTotals> out = new HashMap<>();
    forChunks(
        albumIds.stream().distinct().toList(),
        chunk ->
            jdbc.query(
                "SELECT album_id, COUNT(*), COALESCE(SUM(duration_ms), 0),"
                    + " COALESCE(SUM(listens_total), 0) FROM tracks WHERE album_id IN ("
                    + placeholders(chunk.size())
                    + ") GROUP BY album_id",
                rs -> {
                  out.put(
                      rs.getLong(1), new AlbumTotals(rs.getInt(2), rs.getLong(3), rs.getLong(4)));
                },
                chunk.toArray()));
    return out;
  }

  /**
   * The distinct tags of one category (such as {@link Tag#GENRE}) of each given album's tracks, in
   * album order of the tracks (position, unknown last, then id), without reading the tracks.
   */
  public Map<Long, List<String>> trackTagsOfAlbums(Collection<Long> albumIds, String category) {
    Map<Long, List<String>> out = new HashMap<>();
    forChunks(
        albumIds.stream().distinct().toList(),
        chunk ->
            jdbc.query(
                "SELECT t.album_id, g.tag FROM tracks t JOIN track_tags g ON g.track_id = t.id"
                    + " WHERE t.album_id IN ("
                    + placeholders(chunk.size())
                    + ") AND g.category = ? ORDER BY t.album_id,"
                    + " CASE WHEN t.position IS NULL THEN 1 ELSE 0 END, t.position, t.id",
                rs -> {
                  List<String> tags = out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                  String tag = rs.getString(2);
                  if (!tags.contains(tag)) {
                    tags.add(tag);
                  }
                },
                concat(chunk.toArray(), new Object[] {category})));
    return out;
  }

  /**
   * How many albums each artist is the primary artist of, for the given artists, or for every
   * artist when {@code artistIds} is null: one grouped query instead of reading whole album rows.
   */
  public Map<Long, Integer> albumCountsByArtist(Collection<Long> artistIds) {
    Map<Long, Integer> out = new HashMap<>();
    if (artistIds == null) {
      jdbc.query(
          "SELECT artist_id, COUNT(*) FROM albums GROUP BY artist_id",
          rs -> {
            out.put(rs.getLong(1), rs.getInt(2));
          });
      return out;
    }
    forChunks(
        artistIds.stream().distinct().toList(),
        chunk ->
            jdbc.query(
                "SELECT artist_id, COUNT(*) FROM albums WHERE artist_id IN ("
                    + placeholders(chunk.size())
                    + ") GROUP BY artist_id",
                rs -> {
                  out.put(rs.getLong(1), rs.getInt(2));
                },
                chunk.toArray()));
    return out;
  }

  /**
   * An artist as a list of every artist needs it: id, name, picture, MusicBrainz id, and how many
   * albums it is the primary artist of.
   */
  public record ArtistSummary(
      long id, String name, String image, String musicbrainzId, int albumCount) {}

  /**
   * Every artist as an {@link ArtistSummary}, in id order: two plain queries (the artist columns,
   * the album counts grouped), where reading whole artists would also read each one's locations,
   * descriptions and other relations.
   */
  public List<ArtistSummary> artistSummaries() {
    Map<Long, Integer> albums = albumCountsByArtist(null);
    return jdbc.query(
        "SELECT id, name, image, musicbrainz_id FROM artists ORDER BY id",
        (rs, i) -> {
          long id = rs.getLong(1);
          return new ArtistSummary(
              id, rs.getString(2), rs.getString(3), rs.getString(4), albums.getOrDefault(id, 0));
        });
  }

  /**
   * Up to {@code n} distinct random ids of a catalog table, drawn uniformly from its id range in a
   * few queries (ids the catalog no longer holds are drawn again): a random list needs neither a
   * full scan ({@code ORDER BY RANDOM()}) nor one query per item.
   */
  public List<Long> randomIds(EntityTable<?> table, int n) {
    Map<String, Object> range =
        jdbc.queryForMap("SELECT MIN(id) AS lo, MAX(id) AS hi FROM " + table.table());
    if (range.get("lo") == null || n <= 0) {
      return List.of();
    }
    long lo = ((Number) range.get("lo")).longValue();
    long hi = ((Number) range.get("hi")).longValue();
    int wanted = n;
    Set<Long> found = new LinkedHashSet<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int round = 0; round < 16 && found.size() < wanted; round++) {
      if (round == 1) {
        wanted = (int) Math.min(n, count(table)); // a small catalog may hold fewer than n
      }
      List<Long> draw = new ArrayList<>();
      for (int i = 0; i < Math.min(IN_CHUNK, (wanted - found.size()) * 2 + 8); i++) {
        draw.add(random.nextLong(lo, hi + 1));
      }
      Set<Long> present =
          new HashSet<>(
              jdbc.queryForList(
                  "SELECT id FROM "
                      + table.table()
                      + " WHERE id IN ("
                      + placeholders(draw.size())
                      + ")",
                  Long.class,
                  draw.toArray()));
      for (Long id : draw) {
        if (found.size() < wanted && present.contains(id)) {
          found.add(id);
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * One page of a catalog table's ids in id order: the primary key's own order, so a deep page (a
   * player syncing the whole library) costs a walk of the key, not the top-N sort a search index
   * does for {@code offset + limit} documents.
   */
  public List<Long> idPage(EntityTable<?> table, int offset, int limit) {
    return jdbc.queryForList(
        "SELECT id FROM " + table.table() + " ORDER BY id LIMIT ? OFFSET ?",
        Long.class,
        limit,
        offset);
  }

  /**
   * Every id of a catalog table in id order, in one read of the primary key (for an in-memory
   * directory of pages: see the Subsonic dialect's library sync).
   */
  public long[] allIds(EntityTable<?> table) {
    return jdbc.query(
        "SELECT id FROM " + table.table() + " ORDER BY id",
        (ResultSetExtractor<long[]>)
            rs -> {
              long[] ids = new long[1024];
              int n = 0;
              while (rs.next()) {
                if (n == ids.length) {
                  ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = rs.getLong(1);
              }
              return Arrays.copyOf(ids, n);
            });
  }

  /** The number of tracks without an album (singles). */
  public long singles() {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM tracks WHERE album_id IS NULL", Long.class);
    return n == null ? 0 : n;
  }

  /** How long all the catalog's tracks play, in milliseconds. */
  public long totalDurationMs() {
    Long n = jdbc.queryForObject("SELECT COALESCE(SUM(duration_ms), 0) FROM tracks", Long.class);
    return n == null ? 0 : n;
  }

  /** The number of tracks with audio features (measured or imported). */
  public long tracksWithFeatures() {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM tracks WHERE acousticness IS NOT NULL", Long.class);
    return n == null ? 0 : n;
  }

  /** The number of entities in a table. */
  public long count(EntityTable<?> table) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.table(), Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Reads up to {@code max} entities of a small table (radios, feeds…) in id order. Catalog-sized
   * tables are listed through the search index instead.
   */
  public <T> List<T> readFirst(EntityTable<T> table, int max) {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM " + table.table() + " ORDER BY id LIMIT ?", Long.class, max);
    return find(table, ids);
  }

  private <T> WriteCounts upsert(EntityTable<T> t, List<T> items) {
    if (items.isEmpty()) {
      return WriteCounts.ZERO;
    }
    Map<Long, T> byId = new LinkedHashMap<>();
    for (T item : items) {
      byId.put(t.id(item), item);
    }
    Map<Long, Long> stored = hashes(t.table(), byId.keySet());
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Long> changedIds = new ArrayList<>();
    List<Long> updatedIds = new ArrayList<>();
    Map<String, List<Object[]>> relationRows = new HashMap<>();
    for (T item : byId.values()) {
      long id = t.id(item);
      Object[] values = t.values(item);
      Map<String, List<Object[]>> relations = t.relations(item);
      long hash = ContentHash.of(values, relations);
      Long old = stored.get(id);
      // A uuid is issued once, on creation, and never changes afterwards (clients keep it): a
      // uuid given for an entity that is already stored is ignored. Issued uuids are version 7
      // (time first), so an import appends to the uuid index instead of scattering over it.
      if (old != null && old == hash) {
        continue;
      }
      if (old == null) {
        Object[] key = {id};
        if (t.hasUuid()) {
          UUID uuid = t.uuid(item) == null ? NEW_UUIDS.generate() : t.uuid(item);
          key = new Object[] {id, uuid.toString()};
        }
        inserts.add(concat(key, values, new Object[] {hash}));
      } else {
        updates.add(concat(values, new Object[] {hash, id}));
        updatedIds.add(id);
      }
      changedIds.add(id);
      relations.forEach(
          (table, rows) -> {
            List<Object[]> out = relationRows.computeIfAbsent(table, k -> new ArrayList<>());
            for (Object[] row : rows) {
              out.add(concat(new Object[] {id}, row));
            }
          });
    }
    List<String> cols = t.columns();
    if (!inserts.isEmpty()) {
      List<String> insertCols = new ArrayList<>();
      insertCols.add("id");
      if (t.hasUuid()) {
        insertCols.add("uuid");
      }
      insertCols.addAll(cols);
      insertCols.add("content_hash");
      insertRows(t.table(), insertCols, inserts);
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "UPDATE "
              + t.table()
              + " SET "
              + String.join(" = ?, ", cols)
              + " = ?, content_hash = ? WHERE id = ?",
          updates);
      for (String relation : t.relationTables()) {
        String parent = t.relationColumns(relation).get(0);
        forChunks(
            updatedIds,
            chunk ->
                jdbc.update(
                    "DELETE FROM "
                        + relation
                        + " WHERE "
                        + parent
                        + " IN ("
                        + placeholders(chunk.size())
                        + ")",
                    chunk.toArray()));
      }
    }
    relationRows.forEach(
        (relation, rows) -> {
          if (!rows.isEmpty()) {
            insertRows(relation, t.relationColumns(relation), rows);
          }
        });
    changeLog.record(t.kind(), changedIds);
    return new WriteCounts(
        inserts.size(), updates.size(), byId.size() - inserts.size() - updates.size());
  }

  /**
   * Inserts {@code rows} with multi-row {@code INSERT … VALUES (…), (…)} statements. A bulk load
   * spends much of its time per statement run, whatever the row (in SQLite a native call and a
   * virtual-machine start, in PostgreSQL a round trip); one statement of many rows costs little
   * more than one of a single row. The statement text is the same for every full chunk.
   */
  private void insertRows(String table, List<String> columns, List<Object[]> rows) {
    int perStatement = Math.max(1, INSERT_PARAMS / columns.size());
    String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
    String tuple = "(" + placeholders(columns.size()) + ")";
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
      Object[] args = new Object[chunk.size() * columns.size()];
      int at = 0;
      for (Object[] row : chunk) {
        System.arraycopy(row, 0, args, at, row.length);
        at += row.length;
      }
      jdbc.update(head + String.join(", ", Collections.nCopies(chunk.size(), tuple)), args);
    }
  }

  /**
   * The content hashes of the stored entities among {@code ids}. Ids above the table's largest
   * stored id cannot be stored, so they are not looked up: the batches of a bulk load, whose ids
   * all lie above it, cost one index probe each instead of one per row.
   */
  private Map<Long, Long> hashes(String table, Collection<Long> ids) {
    Map<Long, Long> out = new HashMap<>();
    Long maxStored = jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
    if (maxStored == null) {
      return out;
    }
    forChunks(
        ids.stream().filter(id -> id <= maxStored).toList(),
        chunk ->
            jdbc.query(
                "SELECT id, content_hash FROM "
                    + table
                    + " WHERE id IN ("
                    + placeholders(chunk.size())
                    + ")",
                rs -> {
                  out.put(rs.getLong(1), rs.getLong(2));
                },
                chunk.toArray()));
    return out;
  }

  // ---------------------------------------------------------------- reads

  public List<Track> findTracks(Collection<Long> ids) {
    return find(TRACKS, ids);
  }

  public List<Album> findAlbums(Collection<Long> ids) {
    return find(ALBUMS, ids);
  }

  public List<Artist> findArtists(Collection<Long> ids) {
    return find(ARTISTS, ids);
  }

  /**
   * Reads entities with their relations. The result follows the order of {@code ids}; unknown ids
   * are left out.
   */
  private <T> List<T> find(EntityTable<T> t, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, T> found = new HashMap<>();
    List<Long> distinct = ids.stream().distinct().toList();
    forChunks(
        distinct,
        chunk -> {
          Map<Long, Map<String, List<Object[]>>> relations = readRelations(t, chunk);
          jdbc.query(
              "SELECT * FROM " + t.table() + " WHERE id IN (" + placeholders(chunk.size()) + ")",
              rs -> {
                long id = rs.getLong("id");
                found.put(id, t.read(rs, relations.getOrDefault(id, Map.of())));
              },
              chunk.toArray());
        });
    List<T> out = new ArrayList<>(found.size());
    for (Long id : ids) {
      T e = found.get(id);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private <T> Map<Long, Map<String, List<Object[]>>> readRelations(
      EntityTable<T> t, List<Long> chunk) {
    Map<Long, Map<String, List<Object[]>>> out = new HashMap<>();
    for (String relation : t.relationTables()) {
      List<String> rc = t.relationColumns(relation);
      jdbc.query(
          "SELECT "
              + String.join(", ", rc)
              + " FROM "
              + relation
              + " WHERE "
              + rc.get(0)
              + " IN ("
              + placeholders(chunk.size())
              + ") ORDER BY "
              + rc.get(0)
              + ", "
              + rc.get(1),
          rs -> {
            Object[] row = new Object[rc.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = rs.getObject(i + 1);
            }
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                .computeIfAbsent(relation, k -> new ArrayList<>())
                .add(row);
          },
          chunk.toArray());
    }
    return out;
  }

  /** Streams every track in id order, {@code pageSize} at a time (keyset paging, no OFFSET). */
  public void forEachTrackPage(int pageSize, Consumer<List<Track>> page) {
    forEachPage(TRACKS, Long.MIN_VALUE, pageSize, page);
  }

  /**
   * Streams the tracks whose id is greater than {@code afterId}, in id order (a resumed index build
   * starts after the last track it had committed).
   */
  public void forEachTrackPage(long afterId, int pageSize, Consumer<List<Track>> page) {
    forEachPage(TRACKS, afterId, pageSize, page);
  }

  /** Streams every album in id order (for full re-projections such as an index rebuild). */
  public void forEachAlbumPage(int pageSize, Consumer<List<Album>> page) {
    forEachPage(ALBUMS, Long.MIN_VALUE, pageSize, page);
  }

  /** Streams every artist in id order (for full re-projections such as an index rebuild). */
  public void forEachArtistPage(int pageSize, Consumer<List<Artist>> page) {
    forEachPage(ARTISTS, Long.MIN_VALUE, pageSize, page);
  }

  private <T> void forEachPage(
      EntityTable<T> t, long afterId, int pageSize, Consumer<List<T>> page) {
    long after = afterId;
    while (true) {
      List<Long> ids =
          jdbc.queryForList(
              "SELECT id FROM " + t.table() + " WHERE id > ? ORDER BY id LIMIT ?",
              Long.class,
              after,
              pageSize);
      if (ids.isEmpty()) {
        return;
      }
      page.accept(find(t, ids));
      after = ids.get(ids.size() - 1);
    }
  }

  /** Ids of the tracks of the given albums or by the given artists (for index maintenance). */
  public List<Long> trackIdsOfAlbums(Collection<Long> albumIds) {
    return idsWhere("SELECT id FROM tracks WHERE album_id IN (%s)", albumIds);
  }

  public List<Long> trackIdsOfArtists(Collection<Long> artistIds) {
    return idsWhere(
        "SELECT DISTINCT track_id FROM track_artists WHERE artist_id IN (%s)", artistIds);
  }

  private List<Long> idsWhere(String sqlTemplate, Collection<Long> ids) {
    List<Long> out = new ArrayList<>();
    forChunks(
        new ArrayList<>(ids),
        chunk ->
            out.addAll(
                jdbc.queryForList(
                    sqlTemplate.formatted(placeholders(chunk.size())),
                    Long.class,
                    chunk.toArray())));
    return out;
  }

  public long count(String table) {
    if (!List.of("tracks", "albums", "artists", "playlists", "users", "reviews").contains(table)) {
      throw new IllegalArgumentException(table);
    }
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    return n == null ? 0 : n;
  }

  // ---------------------------------------------------------------- lookups for importers

  /** Maps Spotify ids to stored ids for one of tracks, albums, artists. */
  public Map<String, Long> idsBySpotifyId(String table, Collection<String> spotifyIds) {
    return lookup(table, "spotify_id", spotifyIds);
  }

  /** Maps artist names (exact) to stored ids; the lowest id wins for homonyms. */
  public Map<String, Long> artistIdsByName(Collection<String> names) {
    return lookup("artists", "name", names);
  }

  private Map<String, Long> lookup(String table, String column, Collection<String> keys) {
    if (!List.of("tracks", "albums", "artists").contains(table)) {
      throw new IllegalArgumentException(table);
    }
    Map<String, Long> out = new HashMap<>();
    forChunks(
        keys.stream().distinct().toList(),
        chunk ->
            jdbc.query(
                "SELECT "
                    + column
                    + ", id FROM "
                    + table
                    + " WHERE "
                    + column
                    + " IN ("
                    + placeholders(chunk.size())
                    + ") ORDER BY id DESC",
                rs -> {
                  out.put(rs.getString(1), rs.getLong(2));
                },
                chunk.toArray()));
    return out;
  }

  /**
   * The tags of each artist's music: those of the tracks they play on and of the albums they are
   * the primary artist of, each tag once, the most frequent first (then by name). Artists without
   * tags are left out. One query per chunk of ids.
   */
  public Map<Long, List<String>> tagsOfArtists(Collection<Long> artistIds) {
    Map<Long, List<String>> out = new HashMap<>();
    forChunks(
        artistIds.stream().distinct().toList(),
        chunk -> {
          String in = placeholders(chunk.size());
          jdbc.query(
              "SELECT artist_id, tag, COUNT(*) AS n FROM ("
                  + "SELECT ta.artist_id AS artist_id, tt.tag AS tag FROM track_artists ta"
                  + " JOIN track_tags tt ON tt.track_id = ta.track_id WHERE ta.artist_id IN ("
                  + in
                  + ") UNION ALL SELECT al.artist_id AS artist_id, at.tag AS tag FROM albums al"
                  + " JOIN album_tags at ON at.album_id = al.id WHERE al.artist_id IN ("
                  + in
                  + ")) x GROUP BY artist_id, tag ORDER BY artist_id, n DESC, tag",
              rs -> {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
              },
              concat(chunk.toArray(), chunk.toArray()));
        });
    return out;
  }

  /** Album id by primary artist and exact name, or null. */
  public Long albumIdByArtistAndName(long artistId, String name) {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM albums WHERE artist_id = ? AND name = ? ORDER BY id LIMIT 1",
            Long.class,
            artistId,
            name);
    return ids.isEmpty() ? null : ids.get(0);
  }

  /**
   * Reserves {@code n} consecutive new ids for entities that arrive without one (e.g. from a
   * Spotify CSV). Ids continue after the highest stored id. One writer process at a time is
   * assumed, as for every import.
   */
  public long allocateIds(String table, int n) {
    AtomicLong next =
        nextIds.computeIfAbsent(
            table,
            k -> {
              if (!List.of("tracks", "albums", "artists", "users", "playlists").contains(k)) {
                throw new IllegalArgumentException(k);
              }
              Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + k, Long.class);
              return new AtomicLong(max == null ? 1 : max + 1);
            });
    return next.getAndAdd(n);
  }

  // ---------------------------------------------------------------- listener feedback

  /** How much one favorite, like or dislike moves a track's popularity (documented in README). */
  public static final double FAVORITE_WEIGHT = 0.5;

  public static final double LIKE_WEIGHT = 0.25;
  public static final double DISLIKE_WEIGHT = -0.25;

  /**
   * Adds to a track's favorite, like and dislike counters (negative to take away; a counter never
   * goes below zero) and moves its popularity by the weights above (never below zero), in one
   * atomic update, then records the change so that the search index follows. Joins the caller's
   * transaction when there is one.
   *
   * @return whether the track exists
   */
  public boolean adjustTrackStats(long trackId, long favorited, long likes, long dislikes) {
    double popularity =
        FAVORITE_WEIGHT * favorited + LIKE_WEIGHT * likes + DISLIKE_WEIGHT * dislikes;
    Boolean found =
        tx.execute(
            status -> {
              int n =
                  jdbc.update(
                      "UPDATE tracks SET"
                          + " favorited = CASE WHEN favorited + ? < 0 THEN 0 ELSE favorited + ? END,"
                          + " likes = CASE WHEN likes + ? < 0 THEN 0 ELSE likes + ? END,"
                          + " dislikes = CASE WHEN dislikes + ? < 0 THEN 0 ELSE dislikes + ? END,"
                          + " popularity = CASE WHEN popularity + ? < 0 THEN 0"
                          + " ELSE popularity + ? END"
                          + " WHERE id = ?",
                      favorited,
                      favorited,
                      likes,
                      likes,
                      dislikes,
                      dislikes,
                      popularity,
                      popularity,
                      trackId);
              return n > 0 && rehashed(trackId);
            });
    return Boolean.TRUE.equals(found);
  }

  /**
   * Counts one listen of a track (a player's scrobble): its week, month and total listen counters
   * each grow by one, atomically, and the change is recorded so that the search index (sorts by
   * listens) follows. The counters are the ones the Jamendo dialect shows in {@code stats}; this
   * store keeps no per-week history, so week and month are running counts like the imported ones.
   *
   * @return whether the track exists
   */
  public boolean countListen(long trackId) {
    Boolean found =
        tx.execute(
            status ->
                jdbc.update(
                            "UPDATE tracks SET listens_week = listens_week + 1,"
                                + " listens_month = listens_month + 1,"
                                + " listens_total = listens_total + 1 WHERE id = ?",
                            trackId)
                        > 0
                    && rehashed(trackId));
    return Boolean.TRUE.equals(found);
  }

  /** Stores a changed track's new content hash and records the change for the index. */
  private boolean rehashed(long trackId) {
    Track t = find(TRACKS, List.of(trackId)).getFirst();
    jdbc.update(
        "UPDATE tracks SET content_hash = ? WHERE id = ?",
        ContentHash.of(TRACKS.values(t), TRACKS.relations(t)),
        trackId);
    changeLog.record(TRACKS.kind(), List.of(trackId));
    return true;
  }

  // ---------------------------------------------------------------- change log

  public long lastChangeSeq() {
    Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM change_log", Long.class);
    return seq == null ? 0 : seq;
  }

  /**
   * Calls {@code listener} with the kind and ids of every change this process writes, right after
   * its transaction commits and before the write returns (see {@link EntityCache}).
   */
  public void onCommittedChanges(BiConsumer<String, List<Long>> listener) {
    changeLog.onCommitted(listener);
  }

  public List<Change> changesAfter(long seq, int limit) {
    return jdbc.query(
        "SELECT seq, entity_type, entity_id FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?",
        (rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getLong(3)),
        seq,
        limit);
  }

  // ---------------------------------------------------------------- helpers

  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static <E> void forChunks(List<E> items, Consumer<List<E>> chunkConsumer) {
    for (int i = 0; i < items.size(); i += IN_CHUNK) {
      chunkConsumer.accept(items.subList(i, Math.min(items.size(), i + IN_CHUNK)));
    }
  }

  private static Object[] concat(Object[]... parts) {
    int n = 0;
    for (Object[] p : parts) {
      n += p.length;
    }
    Object[] out = new Object[n];
    int i = 0;
    for (Object[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}

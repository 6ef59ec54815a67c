package dev.stave.ingest;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.CrashPoint;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.EntityTable;
import dev.stave.catalog.Track;
import dev.stave.catalog.WriteCounts;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.UserRelation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes batches of records and advances the checkpoint in the same transaction, so that after a
 * crash the checkpoint says exactly which records are in the store.
 *
 * <p>Before writing, references are checked: an album or track naming an artist or album that is
 * neither in the batch, nor written earlier in this run, nor already stored is skipped and
 * reported, instead of failing the whole batch on a foreign key.
 */
final class BatchWriter {
  private static final int IN_CHUNK = 900;

  /** Tables written after artists, albums and tracks, in an order that satisfies their keys. */
  static final List<EntityTable<?>> OTHER_TABLES =
      List.of(
          LibraryTables.USERS,
          LibraryTables.PLAYLISTS,
          LibraryTables.REVIEWS,
          EditorialTables.RADIOS,
          EditorialTables.FEEDS);

  private final CatalogStore store;
  private final LibraryStore library;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ImportCheckpoints checkpoints;
  private final String checkpointKey;
  private final ImportReport report;

  // Referenced entities repeat across records (an artist's every track carries the artist); each
  // is written once per run unless its content changes within the run.
  private final Map<Long, Artist> writtenArtists = new HashMap<>();
  private final Map<Long, Album> writtenAlbums = new HashMap<>();

  BatchWriter(
      CatalogStore store,
      LibraryStore library,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      ImportCheckpoints checkpoints,
      String checkpointKey,
      ImportReport report) {
    this.store = store;
    this.library = library;
    this.jdbc = jdbc;
    this.tx = tx;
    this.checkpoints = checkpoints;
    this.checkpointKey = checkpointKey;
    this.report = report;
  }

  /** Writes the records and records {@code checkpoint} as the number of records now durable. */
  void write(List<ImportRecord> records, long checkpoint) {
    write(records, checkpoint, false);
  }

  /**
   * Like {@link #write(List, long)}; with {@code hold}, stops at the {@link CrashPoint} before the
   * transaction commits.
   */
  void write(List<ImportRecord> records, long checkpoint, boolean hold) {
    Map<Long, Sourced<Artist>> artists = new LinkedHashMap<>();
    Map<Long, Sourced<Album>> albums = new LinkedHashMap<>();
    Map<Long, Sourced<Track>> tracks = new LinkedHashMap<>();
    Map<EntityTable<?>, List<Object>> others = new HashMap<>();
    List<UserRelation> relations = new ArrayList<>();
    Map<Long, String> audioPaths = new LinkedHashMap<>();
    for (ImportRecord r : records) {
      relations.addAll(r.relations());
      r.audioPaths().forEach(p -> audioPaths.put(p.trackId(), p.path()));
      for (Artist a : r.artists()) {
        if (!a.equals(writtenArtists.get(a.id()))) {
          artists.put(a.id(), new Sourced<>(a, r.source()));
        }
      }
      for (Album a : r.albums()) {
        if (!a.equals(writtenAlbums.get(a.id()))) {
          albums.put(a.id(), new Sourced<>(a, r.source()));
        }
      }
      for (Track t : r.tracks()) {
        tracks.put(t.id(), new Sourced<>(t, r.source()));
      }
      for (ImportRecord.Tabled<?> o : r.others()) {
        others.computeIfAbsent(o.table(), k -> new ArrayList<>()).add(o.entity());
      }
    }
    Set<Long> knownArtists = new HashSet<>(artists.keySet());
    knownArtists.addAll(
        stored(
            "artists", missing(referencedArtists(albums, tracks), knownArtists, writtenArtists)));
    dropDangling(albums, Album::artistIds, knownArtists, writtenArtists, "artist");
    Set<Long> knownAlbums = new HashSet<>(albums.keySet());
    List<Long> albumRefs = new ArrayList<>();
    tracks.values().forEach(t -> addIfNotNull(albumRefs, t.entity().albumId()));
    knownAlbums.addAll(stored("albums", missing(albumRefs, knownAlbums, writtenAlbums)));
    dropDangling(tracks, Track::artistIds, knownArtists, writtenArtists, "artist");
    dropDangling(
        tracks,
        t -> t.albumId() == null ? List.of() : List.of(t.albumId()),
        knownAlbums,
        writtenAlbums,
        "album");

    List<Artist> artistList = artists.values().stream().map(Sourced::entity).toList();
    List<Album> albumList = albums.values().stream().map(Sourced::entity).toList();
    List<Track> trackList = tracks.values().stream().map(Sourced::entity).toList();
    WriteCounts[] counts = new WriteCounts[3];
    Map<String, WriteCounts> otherCounts = new LinkedHashMap<>();
    tx.executeWithoutResult(
        status -> {
          // One outer transaction; the store's own transaction joins it. Writing each kind
          // separately only serves the per-kind counts of the report.
          counts[0] = store.write(new CatalogBatch(artistList, List.of(), List.of()));
          counts[1] = store.write(new CatalogBatch(List.of(), albumList, List.of()));
          counts[2] = store.write(new CatalogBatch(List.of(), List.of(), trackList));
          for (EntityTable<?> table : OTHER_TABLES) {
            List<Object> items = others.get(table);
            if (items != null) {
              otherCounts.put(table.table(), writeUnchecked(table, items));
            }
          }
          if (!relations.isEmpty()) {
            otherCounts.put("relations", library.write(relations));
          }
          // The audio paths of the tracks written (a track dropped as dangling has none).
          audioPaths.keySet().retainAll(tracks.keySet());
          if (!audioPaths.isEmpty()) {
            otherCounts.put("audio paths", writeAudioPaths(audioPaths));
          }
          checkpoints.advance(checkpointKey, checkpoint);
          if (hold) {
            CrashPoint.holdUntilKilled("import batch written, not committed");
          }
        });
    report.add("artists", counts[0]);
    report.add("albums", counts[1]);
    report.add("tracks", counts[2]);
    otherCounts.forEach(report::add);
    artistList.forEach(a -> writtenArtists.put(a.id(), a));
    albumList.forEach(a -> writtenAlbums.put(a.id(), a));
  }

  /** Records where each track's audio is expected; an unchanged path is left alone. */
  private WriteCounts writeAudioPaths(Map<Long, String> paths) {
    long created = 0;
    long updated = 0;
    long unchanged = 0;
    for (Map.Entry<Long, String> e : paths.entrySet()) {
      List<String> stored =
          jdbc.queryForList(
              "SELECT path FROM track_audio_paths WHERE track_id = ?", String.class, e.getKey());
      if (stored.isEmpty()) {
        jdbc.update(
            "INSERT INTO track_audio_paths (track_id, path) VALUES (?, ?)",
            e.getKey(),
            e.getValue());
        created++;
      } else if (!stored.get(0).equals(e.getValue())) {
        jdbc.update(
            "UPDATE track_audio_paths SET path = ? WHERE track_id = ?", e.getValue(), e.getKey());
        updated++;
      } else {
        unchanged++;
      }
    }
    return new WriteCounts(created, updated, unchanged);
  }

  /** The items were grouped by their table when read, so the cast holds. */
  @SuppressWarnings("unchecked")
  private <T> WriteCounts writeUnchecked(EntityTable<T> table, List<Object> items) {
    return store.write(table, (List<T>) items);
  }

  private static void addIfNotNull(List<Long> out, Long id) {
    if (id != null) {
      out.add(id);
    }
  }

  private static List<Long> referencedArtists(
      Map<Long, Sourced<Album>> albums, Map<Long, Sourced<Track>> tracks) {
    List<Long> out = new ArrayList<>();
    albums.values().forEach(a -> out.addAll(a.entity().artistIds()));
    tracks.values().forEach(t -> out.addAll(t.entity().artistIds()));
    return out;
  }

  private static List<Long> missing(
      Collection<Long> refs, Set<Long> inBatch, Map<Long, ?> writtenInRun) {
    return refs.stream()
        .filter(id -> !inBatch.contains(id) && !writtenInRun.containsKey(id))
        .distinct()
        .toList();
  }

  private Set<Long> stored(String table, List<Long> ids) {
    Set<Long> out = new HashSet<>();
    for (int i = 0; i < ids.size(); i += IN_CHUNK) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
      out.addAll(
          jdbc.queryForList(
              "SELECT id FROM "
                  + table
                  + " WHERE id IN ("
                  + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ")",
              Long.class,
              chunk.toArray()));
    }
    return out;
  }

  private <T> void dropDangling(
      Map<Long, Sourced<T>> entities,
      Function<T, List<Long>> refs,
      Set<Long> known,
      Map<Long, ?> writtenInRun,
      String refKind) {
    entities
        .values()
        .removeIf(
            s -> {
              for (Long id : refs.apply(s.entity())) {
                if (!known.contains(id) && !writtenInRun.containsKey(id)) {
                  report.skip(
                      s.source(),
                      kindOf(s.entity())
                          + " "
                          + idOf(s.entity())
                          + " refers to "
                          + refKind
                          + " "
                          + id
                          + ", which is neither stored nor valid in this import");
                  return true;
                }
              }
              return false;
            });
  }

  private static String kindOf(Object e) {
    return e instanceof Track ? "track" : e instanceof Album ? "album" : "artist";
  }

  private static long idOf(Object e) {
    return switch (e) {
      case Track t -> t.id();
      case Album a -> a.id();
      case Artist a -> a.id();
      default -> throw new IllegalArgumentException(String.valueOf(e));
    };
  }

  private record Sourced<T>(T entity, SourceRef source) {}
}

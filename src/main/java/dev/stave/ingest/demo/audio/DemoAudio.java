package dev.stave.ingest.demo.audio;

import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.demo.DemoAudioProgress;
import dev.stave.ingest.scan.LibraryScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a share of the demo catalog audio that plays: a piece per track made from its features
 * ({@link DemoPieces}), under {@code DATA/demo-audio/} (an audio root), linked to its track the way
 * an import's named files are (a {@code track_audio_paths} row, then {@link
 * LibraryScanner#scanFiles}), so the files are served, transcoded, waveformed and zipped like any
 * other. Not queued for analysis: the catalog's features are the score the piece was played from.
 *
 * <p>The plan (which tracks, {@link DemoAudioPlan}) is written once to {@code demo-audio/plan.txt};
 * a run makes the planned files that are missing and links those not linked, in batches, so a run
 * stopped anywhere (Ctrl-C, kill -9) continues where it stopped, and a file is linked only once it
 * is complete (written under a temporary name, then renamed). {@code stave serve} runs it on one
 * low-priority platform thread after the server answers (CPU-bound work on a virtual thread would
 * hold a carrier the requests need); {@code stave demo --audio N} runs it on every core.
 */
@Component
public class DemoAudio {
  private static final Logger log = LoggerFactory.getLogger(DemoAudio.class);

  /** The folder under the data directory. */
  public static final String FOLDER = "demo-audio";

  static final String PLAN = "plan.txt";

  /** Files made before they are scanned and linked together, one transaction per batch. */
  static final int BATCH = 8;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final AudioFileStore files;
  private final CatalogStore catalog;
  private final LibraryScanner scanner;
  private final DemoPieces pieces;
  private final DemoAudioProgress progress;
  private final Path root;
  private final boolean enabled;
  private final int tracks;
  private volatile Thread background;

  public DemoAudio(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      AudioFileStore files,
      CatalogStore catalog,
      LibraryScanner scanner,
      DemoPieces pieces,
      DemoAudioProgress progress,
      StaveProperties props,
      @Value("${stave.demo.audio.enabled:true}") boolean enabled,
      @Value("${stave.demo.audio.tracks:300}") int tracks) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.files = files;
    this.catalog = catalog;
    this.scanner = scanner;
    this.pieces = pieces;
    this.progress = progress;
    this.root = props.dataDir().resolve(FOLDER).toAbsolutePath().normalize();
    this.enabled = enabled;
    this.tracks = tracks;
  }

  /** Where the files go. */
  public Path root() {
    return root;
  }

  /** What a run did. */
  public record Report(int planned, int made, int linked, int alreadyLinked, List<String> failed) {}

  /**
   * What {@code serve} does after it answers: on a data directory it has just seeded ({@code
   * seeded}), or whose demo audio is unfinished, makes the demo audio in the background; nothing
   * when {@code stave.demo.audio.enabled} is false or {@code stave.demo.audio.tracks} is 0.
   */
  public void serveStarted(boolean seeded) {
    if (!enabled || tracks <= 0) {
      return;
    }
    if (seeded) {
      try {
        // The folder is the promise: a restart before the plan is written still makes it.
        Files.createDirectories(root);
      } catch (IOException e) {
        log.warn("demo audio: cannot create {}: {}", root, e.getMessage());
        return;
      }
    }
    if (!Files.isDirectory(root)) {
      return;
    }
    Thread t =
        Thread.ofPlatform()
            .name("stave-demo-audio")
            .daemon()
            .unstarted(
                () -> {
                  try {
                    Report r = run(tracks, 1, n -> {});
                    if (r.made() > 0 || !r.failed().isEmpty()) {
                      log.info(
                          "demo audio: {} of {} tracks playable ({} made now, {} failed) in {}",
                          r.linked() + r.alreadyLinked(),
                          r.planned(),
                          r.made(),
                          r.failed().size(),
                          root);
                    }
                  } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                      log.info("demo audio: stopped; the next start continues");
                    } else {
                      log.warn("demo audio: stopped by an error: {}", e.toString());
                    }
                  }
                });
    t.setPriority(Thread.MIN_PRIORITY);
    background = t;
    t.start();
  }

  /** Stops a background run (the server is closing); what was linked stays, the rest waits. */
  @jakarta.annotation.PreDestroy
  public void stop() throws InterruptedException {
    Thread t = background;
    if (t != null) {
      t.interrupt();
      t.join(10_000);
    }
  }

  /**
   * Plans (once) about {@code target} tracks, makes their missing files on {@code threads} threads
   * and links them; {@code onProgress} hears the number of playable tracks after each batch.
   */
  public Report run(int target, int threads, IntConsumer onProgress) {
    List<Long> planned = plan(target);
    cleanTemporaryFiles();
    Set<Long> linked = linkedTracks(planned);
    progress.started(planned.size(), linked.size());
    log.info(
        "demo audio: {} of {} tracks playable; making the rest in {}",
        linked.size(),
        planned.size(),
        root);
    List<Long> todo = planned.stream().filter(id -> !linked.contains(id)).toList();
    int made = 0;
    int newlyLinked = 0;
    List<String> failed = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            Thread.ofPlatform()
                .name("stave-demo-piece-", 1)
                .priority(Thread.MIN_PRIORITY)
                .factory());
    try {
      for (int from = 0; from < todo.size(); from += BATCH) {
        if (Thread.currentThread().isInterrupted()) {
          throw new AudioException("interrupted");
        }
        List<Long> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
        Map<Long, Future<Boolean>> results = new LinkedHashMap<>();
        Map<Long, Piece> work = describe(batch);
        for (Map.Entry<Long, Piece> e : work.entrySet()) {
          results.put(e.getKey(), pool.submit(() -> make(e.getValue())));
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<Long, Future<Boolean>> e : results.entrySet()) {
          try {
            if (e.getValue().get()) {
              made++;
            }
            names.add(fileName(e.getKey()));
          } catch (java.util.concurrent.ExecutionException ex) {
            failed.add("track " + e.getKey() + ": " + ex.getCause().getMessage());
            progress.failed(1);
            log.warn("demo audio: track {} failed: {}", e.getKey(), ex.getCause().toString());
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AudioException("interrupted", ex);
          }
        }
        if (!names.isEmpty()) {
          scanner.scanFiles(root, names, LibraryScanner.Options.defaults().withoutAnalysis());
        }
        Set<Long> nowLinked = linkedTracks(batch);
        newlyLinked += nowLinked.size();
        progress.linked(nowLinked.size());
        int playable = linked.size() + newlyLinked;
        onProgress.accept(playable);
        log.info("demo audio: {} of {} tracks playable", playable, planned.size());
      }
    } finally {
      pool.shutdownNow();
      progress.stopped();
    }
    return new Report(planned.size(), made, newlyLinked, linked.size(), List.copyOf(failed));
  }

  /** The plan: read from {@code plan.txt}, or chosen now and written there (with the paths). */
  List<Long> plan(int target) {
    Path file = root.resolve(PLAN);
    try {
      Files.createDirectories(root);
      if (Files.exists(file)) {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .map(l -> Long.valueOf(l.strip()))
            .toList();
      }
      List<Long> chosen = DemoAudioPlan.choose(albums(), target);
      // The paths first (the scan's first rule links a file to the track that names it), then the
      // plan, renamed into place: a plan on disk always has its paths in the store.
      tx.executeWithoutResult(
          s -> {
            for (long id : chosen) {
              jdbc.update("DELETE FROM track_audio_paths WHERE track_id = ?", id);
              jdbc.update(
                  "INSERT INTO track_audio_paths (track_id, path) VALUES (?, ?)", id, fileName(id));
            }
          });
      Path part = root.resolve("." + PLAN + ".part");
      Files.write(part, chosen.stream().map(String::valueOf).toList(), StandardCharsets.UTF_8);
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return chosen;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo audio plan in " + root, e);
    }
  }

  static String fileName(long trackId) {
    return trackId + ".mp3";
  }

  /** The catalog's albums with their tracks (disc, position order), genres and popularity. */
  private List<DemoAudioPlan.AlbumInfo> albums() {
    Map<Long, List<Long>> tracksOf = new TreeMap<>();
    Map<Long, Double> popularity = new HashMap<>();
    jdbc.query(
        "SELECT t.album_id, t.id, al.popularity FROM tracks t JOIN albums al ON al.id = t.album_id"
            + " ORDER BY t.album_id, t.disc, t.position, t.id",
        rs -> {
          tracksOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
          popularity.put(rs.getLong(1), rs.getDouble(3));
        });
    Map<Long, Set<String>> genres = new HashMap<>();
    jdbc.query(
        "SELECT DISTINCT t.album_id, g.tag FROM tracks t JOIN track_tags g ON g.track_id = t.id"
            + " WHERE t.album_id IS NOT NULL AND g.category = 'genre'",
        rs -> {
          genres.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        });
    List<DemoAudioPlan.AlbumInfo> out = new ArrayList<>();
    tracksOf.forEach(
        (album, ids) ->
            out.add(
                new DemoAudioPlan.AlbumInfo(
                    album,
                    ids,
                    genres.getOrDefault(album, Set.of()),
                    popularity.getOrDefault(album, 0.0))));
    return out;
  }

  /** Those of {@code trackIds} whose audio is linked (a present file). */
  private Set<Long> linkedTracks(List<Long> trackIds) {
    return files.withPresentFile(trackIds);
  }

  /** One piece to make: the track, and the tags its file carries. */
  private record Piece(Track track, Path target, Map<String, String> tags) {}

  private Map<Long, Piece> describe(List<Long> ids) {
    List<Track> found = catalog.findTracks(ids);
    Set<Long> albumIds = new HashSet<>();
    Set<Long> artistIds = new HashSet<>();
    found.forEach(
        t -> {
          if (t.albumId() != null) {
            albumIds.add(t.albumId());
          }
          artistIds.add(t.artistIds().get(0));
        });
    Map<Long, Album> albums = new HashMap<>();
    catalog.findAlbums(albumIds).forEach(a -> albums.put(a.id(), a));
    Map<Long, Artist> artists = new HashMap<>();
    catalog.findArtists(artistIds).forEach(a -> artists.put(a.id(), a));
    Map<Long, Piece> out = new LinkedHashMap<>();
    for (Track t : found) {
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("title", t.name());
      Artist artist = artists.get(t.artistIds().get(0));
      if (artist != null) {
        tags.put("artist", artist.name());
      }
      Album album = t.albumId() == null ? null : albums.get(t.albumId());
      if (album != null) {
        tags.put("album", album.name());
      }
      if (t.position() != null) {
        tags.put("track", t.position().toString());
      }
      tags.put("comment", "Stave demo audio, made from the track's audio features");
      out.put(t.id(), new Piece(t, root.resolve(fileName(t.id())), tags));
    }
    return out;
  }

  /** Makes the file unless a complete one is there already; true when it was made now. */
  private boolean make(Piece p) {
    if (Files.isRegularFile(p.target())) {
      return false; // renamed into place by an earlier run that stopped before linking it
    }
    pieces.write(p.track().features(), p.track().id(), p.tags(), p.target());
    return true;
  }

  /** Removes what a run killed mid-piece left: hidden temporary files, never linked. */
  private void cleanTemporaryFiles() {
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(root, ".*")) {
      for (Path p : dir) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      log.warn("demo audio: cannot clean {}: {}", root, e.getMessage());
    }
  }
}

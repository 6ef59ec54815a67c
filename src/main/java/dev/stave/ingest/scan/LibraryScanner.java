package dev.stave.ingest.scan;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioContentListener;
import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFile;
import dev.stave.audio.AudioFileStore;
import dev.stave.audio.AudioProbe;
import dev.stave.audio.AudioRoots;
import dev.stave.audio.Ffmpeg;
import dev.stave.audio.Waveforms;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.catalog.CrashPoint;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.ingest.ArtistAlbumIds;
import dev.stave.ingest.RunReports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans folders of audio files into the catalog. Every file is probed with ffprobe (codec,
 * duration, bitrate, embedded cover and the tags of all six formats, Opus included) and hashed; its
 * tags become an artist, an album and a track linked to the file, unless the file is the audio of a
 * track already in the catalog ({@link TrackMatcher}: the path an import named, a Jamendo id in the
 * file name, ISRC, MusicBrainz id, names and duration), which it is then attached to.
 *
 * <p>Incremental and resumable: a file whose size and modification time match its row is skipped
 * without being read; files are written in batches, each one transaction (catalog entities and file
 * rows together), so an interrupted scan keeps what it wrote and the next run goes on from there. A
 * file whose content hash matches a file gone from its old path has moved (its track is kept);
 * files not found by a scan that completes are marked deleted. Tracks whose audio content is new or
 * changed are reported to the {@link AudioContentListener}s inside the batch's transaction (the
 * analysis queue).
 *
 * <p>Reading files (hash, ffprobe) and computing waveforms run on every core, the next batch read
 * while the current one is written; batches are applied in file order, so results are the same
 * whatever the thread timing. {@code Batch.run} is where a file is known to be new, changed, moved
 * or a copy.
 */
@Component
public class LibraryScanner {
  static final Set<String> EXTENSIONS = Set.of("mp3", "ogg", "oga", "opus", "flac", "wav", "m4a");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,3})\\s*[-._ ]+\\s*");
  private static final String UNKNOWN_ARTIST = "Unknown artist";

  /**
   * How to run a scan.
   *
   * @param stopAfterBatches simulates an interruption (0: never)
   * @param holdInBatch writes this batch (1-based) and holds its transaction open until the process
   *     is killed, for crash tests ({@link CrashPoint}; 0: never)
   * @param queueAnalysis whether tracks whose audio is new or changed are reported to the {@link
   *     AudioContentListener}s (queued for analysis); off for audio made from the tracks' own
   *     features (the demo audio), which an analysis would only replace by its estimate of them
   */
  public record Options(
      boolean progress,
      int batchSize,
      int stopAfterBatches,
      int holdInBatch,
      boolean queueAnalysis) {
    public Options(boolean progress, int batchSize, int stopAfterBatches, int holdInBatch) {
      this(progress, batchSize, stopAfterBatches, holdInBatch, true);
    }

    public static Options defaults() {
      return new Options(false, 50, 0, 0);
    }

    public Options withoutAnalysis() {
      return new Options(progress, batchSize, stopAfterBatches, holdInBatch, false);
    }
  }

  private final CatalogStore store;
  private final AudioFileStore files;
  private final AudioRoots roots;
  private final Ffmpeg ffmpeg;
  private final TransactionTemplate tx;
  private final ObjectProvider<ChangeFollower> followers;
  private final Waveforms waveforms;
  private final ObjectProvider<AudioContentListener> contentListeners;
  private final TrackMatcher matcher;
  private final AudioAvailability availability;
  private final RunReports runs;

  public LibraryScanner(
      CatalogStore store,
      AudioFileStore files,
      AudioRoots roots,
      Ffmpeg ffmpeg,
      TransactionTemplate tx,
      ObjectProvider<ChangeFollower> followers,
      Waveforms waveforms,
      ObjectProvider<AudioContentListener> contentListeners,
      TrackMatcher matcher,
      AudioAvailability availability,
      RunReports runs) {
    this.runs = runs;
    this.matcher = matcher;
    this.availability = availability;
    this.waveforms = waveforms;
    this.contentListeners = contentListeners;
    this.store = store;
    this.files = files;
    this.roots = roots;
    this.ffmpeg = ffmpeg;
    this.tx = tx;
    this.followers = followers;
  }

  /**
   * Scans {@code folders}, or every configured and remembered root when none is given. Folders
   * given are remembered as roots (served from, rescanned by a bare scan).
   *
   * @throws AudioException when a folder does not exist or there is nothing to scan
   */
  public ScanReport scan(List<Path> folders, Options options) {
    long started = System.nanoTime();
    List<Path> scanRoots = new ArrayList<>();
    for (Path f : folders.isEmpty() ? roots.all() : folders) {
      if (!Files.isDirectory(f)) {
        throw new AudioException("not a folder: " + f);
      }
      try {
        scanRoots.add(f.toRealPath());
      } catch (IOException e) {
        throw new AudioException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    if (scanRoots.isEmpty()) {
      throw new AudioException(
          "no audio folder: give one (stave scan DIR) or configure stave.audio.roots");
    }
    if (!folders.isEmpty()) {
      // Folders given are remembered; configured roots stay configuration (removing one from
      // stave.audio.roots stops it being served).
      tx.executeWithoutResult(s -> scanRoots.forEach(files::rememberRoot));
    }
    ScanReport report = new ScanReport(scanRoots);
    Map<Path, long[]> found = new LinkedHashMap<>();
    for (Path root : scanRoots) {
      walk(root, found, report);
    }
    return recorded(run(scanRoots, found, true, options, report, started));
  }

  /**
   * Scans only the {@code chosen} files of {@code root}, paths relative to it (an import linking
   * the files it names): as a scan of the whole root, except that files not chosen are left alone
   * (never concluded deleted; a file counts as moved away only when it is gone from disk).
   *
   * @throws AudioException when the root does not exist
   */
  public ScanReport scanFiles(Path root, List<String> chosen, Options options) {
    long started = System.nanoTime();
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new AudioException("not a folder: " + root, e);
    }
    if (!roots.all().contains(realRoot)) {
      tx.executeWithoutResult(s -> files.rememberRoot(realRoot)); // served from now on
    }
    ScanReport report = new ScanReport(List.of(realRoot));
    Map<Path, long[]> found = new LinkedHashMap<>();
    for (String relative : chosen) {
      Path file = realRoot.resolve(relative).normalize();
      try {
        found.put(file, new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()});
      } catch (IOException e) {
        report.problem(file, "cannot read: " + e.getMessage());
      }
    }
    return recorded(run(List.of(realRoot), found, false, options, report, started));
  }

  /** Keeps the report of the scan for the operator console ({@link RunReports}). */
  private ScanReport recorded(ScanReport report) {
    runs.record(
        RunReports.Kind.SCAN,
        String.join(", ", report.roots().stream().map(Path::toString).toList()),
        report.elapsed,
        report.completed(),
        report::print);
    return report;
  }

  private ScanReport run(
      List<Path> scanRoots,
      Map<Path, long[]> found,
      boolean walkedAll,
      Options options,
      ScanReport report,
      long started) {
    Map<Path, AudioFile> known = files.all();
    report.seen = found.size();

    List<Path> todo = new ArrayList<>();
    for (Map.Entry<Path, long[]> e : found.entrySet()) {
      AudioFile k = known.get(e.getKey());
      if (k != null
          && k.present()
          && k.size() == e.getValue()[0]
          && k.mtimeMs() == e.getValue()[1]) {
        report.unchanged++;
      } else {
        todo.add(e.getKey());
      }
    }
    Map<String, AudioFile> vanished = new HashMap<>();
    Map<String, AudioFile> presentByHash = new HashMap<>();
    known.forEach(
        (path, f) -> {
          if (found.containsKey(path)) {
            presentByHash.putIfAbsent(f.contentHash(), f);
          } else if (inAny(path, scanRoots) && (walkedAll || !Files.exists(path))) {
            vanished.putIfAbsent(f.contentHash(), f);
          }
        });

    Batch batch = new Batch(known, vanished, presentByHash, report, options.queueAnalysis());
    int batches = 0;
    try (ExecutorService readers = readers();
        ProgressBar bar =
            options.progress() && !todo.isEmpty() ? progressBar("scan", todo.size()) : null) {
      // The files of the next batch are read (hashed, probed) on every core while this one is
      // written; each batch is then applied in file order, so the result does not depend on
      // which read finished first.
      List<Future<Read>> next = readAll(readers, chunk(todo, 0, options), batch);
      for (int i = 0; i < todo.size(); i += options.batchSize()) {
        List<Path> chunk = chunk(todo, i, options);
        List<Future<Read>> reads = next;
        next = readAll(readers, chunk(todo, i + options.batchSize(), options), batch);
        batches++;
        batch.run(chunk, found, reads, batches == options.holdInBatch());
        if (bar != null) {
          bar.stepBy(chunk.size());
        }
        if (options.stopAfterBatches() > 0 && batches >= options.stopAfterBatches()) {
          next.forEach(f -> f.cancel(true));
          catchUp();
          report.elapsed = Duration.ofNanos(System.nanoTime() - started);
          return report;
        }
      }
    }
    // Only a scan that saw everything may call a file deleted.
    tx.executeWithoutResult(
        s ->
            known.forEach(
                (path, f) -> {
                  if (walkedAll
                      && f.present()
                      && !found.containsKey(path)
                      && inAny(path, scanRoots)
                      && !batch.movedAway.contains(path)) {
                    files.markMissing(path);
                    report.deleted++;
                  }
                }));
    availability.forget();
    catchUp();
    computeWaveforms(scanRoots, options, report);
    report.completed = true;
    report.elapsed = Duration.ofNanos(System.nanoTime() - started);
    return report;
  }

  /**
   * Peaks of every present file in the scanned roots whose content has none yet: new and changed
   * files, and files scanned before waveforms existed. Once per content hash.
   */
  private void computeWaveforms(List<Path> scanRoots, Options options, ScanReport report) {
    List<AudioFile> todo =
        files.withoutWaveform().stream().filter(f -> inAny(f.path(), scanRoots)).toList();
    try (ExecutorService workers = readers();
        ProgressBar bar =
            options.progress() && !todo.isEmpty() ? progressBar("peaks", todo.size()) : null) {
      List<Future<String>> peaks = new ArrayList<>();
      for (AudioFile f : todo) {
        peaks.add(workers.submit(() -> waveforms.compute(f.path())));
      }
      for (int i = 0; i < todo.size(); i++) {
        AudioFile f = todo.get(i);
        try {
          files.saveWaveform(f.contentHash(), peaks.get(i).get());
          report.waveforms++;
        } catch (ExecutionException e) {
          report.problem(f.path(), "no waveform: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AudioException("interrupted", e);
        }
        if (bar != null) {
          bar.step();
        }
      }
    }
  }

  /** One thread per core: each waits on its own ffmpeg process most of the time. */
  private static ExecutorService readers() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("scan-", 1).factory());
  }

  private static List<Path> chunk(List<Path> todo, int from, Options options) {
    return from >= todo.size()
        ? List.of()
        : todo.subList(from, Math.min(todo.size(), from + options.batchSize()));
  }

  /** What reading one file gave: its hash, and its probe unless it is unchanged or unreadable. */
  private record Read(String hash, AudioProbe probe, Exception error) {}

  private List<Future<Read>> readAll(ExecutorService readers, List<Path> chunk, Batch batch) {
    List<Future<Read>> reads = new ArrayList<>(chunk.size());
    for (Path path : chunk) {
      reads.add(readers.submit(() -> read(path, batch.known.get(path))));
    }
    return reads;
  }

  private Read read(Path path, AudioFile old) {
    try {
      String hash = sha256(path);
      if (old != null && old.contentHash().equals(hash)) {
        return new Read(hash, null, null); // touched, not changed: no need to probe
      }
      return new Read(hash, AudioProbe.parse(ffmpeg.probeJson(path)), null);
    } catch (IOException | AudioException e) {
      return new Read(null, null, e);
    }
  }

  private void catchUp() {
    ChangeFollower.catchUpAll(followers.orderedStream().toList(), note -> {});
  }

  private static boolean inAny(Path p, List<Path> dirs) {
    return dirs.stream().anyMatch(p::startsWith);
  }

  private void walk(Path root, Map<Path, long[]> found, ScanReport report) {
    List<Path> allRoots = new ArrayList<>(roots.all());
    allRoots.add(root);
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              int dot = name.lastIndexOf('.');
              String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
              if (!EXTENSIONS.contains(ext) || name.startsWith(".")) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isSymbolicLink() && AudioRoots.inside(file, allRoots).isEmpty()) {
                report.problem(file, "a link to a file outside the audio roots; skipped");
                return FileVisitResult.CONTINUE;
              }
              try {
                found.put(
                    file.toAbsolutePath().normalize(),
                    new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()});
              } catch (IOException e) {
                report.problem(file, "cannot read: " + e.getMessage());
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              report.problem(file, "cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new AudioException("cannot scan " + root + ": " + e.getMessage(), e);
    }
  }

  private static ProgressBar progressBar(String task, int total) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUnit(" files", 1)
        .showSpeed()
        .build();
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** One scan's state across its batches: name lookups and what moved. */
  private final class Batch {
    final Map<Path, AudioFile> known;
    final Map<String, AudioFile> vanished;
    final Map<String, AudioFile> presentByHash;
    final ScanReport report;
    final Set<Path> movedAway = new LinkedHashSet<>();
    final Set<Long> taken = new HashSet<>();
    final ArtistAlbumIds ids = new ArtistAlbumIds(store);

    /** Artists and albums this scan created ("artist 12"), each written by one batch. */
    final Set<String> created = new HashSet<>();

    /** Resolved once per scan: every batch hands its new or changed content to the same ones. */
    final List<AudioContentListener> listeners;

    Batch(
        Map<Path, AudioFile> known,
        Map<String, AudioFile> vanished,
        Map<String, AudioFile> presentByHash,
        ScanReport report,
        boolean queueAnalysis) {
      this.listeners = queueAnalysis ? contentListeners.orderedStream().toList() : List.of();
      this.known = known;
      this.vanished = vanished;
      this.presentByHash = presentByHash;
      this.report = report;
    }

    void run(List<Path> chunk, Map<Path, long[]> found, List<Future<Read>> reads, boolean hold) {
      Map<Long, Artist> artists = new LinkedHashMap<>();
      Map<Long, Album> albums = new LinkedHashMap<>();
      Map<Long, Track> tracks = new LinkedHashMap<>();
      List<AudioFile> rows = new ArrayList<>();
      List<Path> deletions = new ArrayList<>();
      long[] counts = new long[2]; // tracks created, updated
      List<Long> newContent = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        Path path = chunk.get(i);
        long[] stat = found.get(path);
        Read read = await(reads.get(i));
        if (read.error() != null) {
          report.unreadable++;
          report.problem(path, "not a readable audio file: " + read.error().getMessage());
          continue;
        }
        String hash = read.hash();
        AudioProbe probe = read.probe();
        if (probe == null) {
          // Touched, not changed: only the stored size and time move on.
          rows.add(withStat(known.get(path), path, stat, true));
          report.unchanged++;
          continue;
        }
        AudioFile old = known.get(path);
        AudioFile movedFrom = old == null ? vanished.remove(hash) : null;
        AudioFile twin = old == null && movedFrom == null ? presentByHash.get(hash) : null;
        long trackId;
        boolean owns;
        if (old != null) {
          trackId = old.trackId();
          owns = old.ownsTrack();
          report.updated++;
        } else if (movedFrom != null) {
          trackId = movedFrom.trackId();
          owns = movedFrom.ownsTrack();
          deletions.add(movedFrom.path());
          movedAway.add(movedFrom.path());
          report.moved++;
        } else if (twin != null) {
          trackId = twin.trackId();
          owns = false;
          report.duplicates++;
        } else {
          report.added++;
          Path root = report.roots().stream().filter(path::startsWith).findFirst().orElse(null);
          Optional<TrackMatcher.Match> match = matcher.match(path, root, probe, taken);
          if (match.isPresent()) {
            trackId = match.get().trackId();
            owns = false;
            taken.add(trackId);
            report.linked(match.get().rule());
          } else {
            trackId = store.allocateIds("tracks", 1);
            owns = true;
          }
        }
        if (owns && (old != null || movedFrom == null)) {
          Track existing =
              old == null
                  ? null
                  : store.findTracks(List.of(trackId)).stream().findFirst().orElse(null);
          Track t = trackFromTags(trackId, path, probe, existing, artists, albums);
          tracks.put(t.id(), t);
          counts[existing == null ? 0 : 1]++;
        }
        if (old != null || (movedFrom == null && twin == null)) {
          newContent.add(trackId);
        }
        AudioFile row =
            AudioFile.builder()
                .path(path)
                .size(stat[0])
                .mtimeMs(stat[1])
                .contentHash(hash)
                .trackId(trackId)
                .ownsTrack(owns)
                .durationMs(probe.durationMs())
                .codec(probe.codec())
                .container(probe.container())
                .bitrateKbps(probe.bitrateKbps())
                .sampleRate(probe.sampleRate())
                .channels(probe.channels())
                .hasCover(probe.hasCover())
                .present(true)
                .build();
        rows.add(row);
        presentByHash.putIfAbsent(hash, row);
      }
      tx.executeWithoutResult(
          s -> {
            store.write(
                new CatalogBatch(
                    List.copyOf(artists.values()),
                    List.copyOf(albums.values()),
                    List.copyOf(tracks.values())));
            deletions.forEach(files::delete);
            rows.forEach(files::save);
            if (!newContent.isEmpty()) {
              listeners.forEach(l -> l.contentChanged(newContent));
            }
            if (hold) {
              CrashPoint.holdUntilKilled("scan batch written, not committed");
            }
          });
      availability.forget();
      if (!listeners.isEmpty()) {
        report.contentReported += newContent.size();
      }
      report.tracksCreated += counts[0];
      report.tracksUpdated += counts[1];
    }

    private AudioFile withStat(AudioFile f, Path path, long[] stat, boolean present) {
      return f.toBuilder().path(path).size(stat[0]).mtimeMs(stat[1]).present(present).build();
    }

    /** The track the tags describe, with fallbacks from the file and folder names. */
    private Track trackFromTags(
        long id,
        Path path,
        AudioProbe p,
        Track existing,
        Map<Long, Artist> artists,
        Map<Long, Album> albums) {
      List<String> fallbacks = new ArrayList<>();
      String fileName = path.getFileName().toString();
      String base = fileName.substring(0, fileName.lastIndexOf('.'));
      Path root = report.roots().stream().filter(path::startsWith).findFirst().orElse(null);
      Path albumDir = path.getParent();
      boolean inFolder = albumDir != null && root != null && !albumDir.equals(root);
      Path artistDir = inFolder ? albumDir.getParent() : null;
      boolean inArtistFolder = artistDir != null && !artistDir.equals(root);

      String title = p.tag("title");
      if (title == null) {
        title = LEADING_NUMBER.matcher(base).replaceFirst("");
        title = title.isBlank() ? base : title;
        fallbacks.add("title from the file name");
      }
      String artist = p.tag("artist");
      String albumArtist = p.tag("album_artist", "albumartist", "album artist");
      if (artist == null) {
        artist = albumArtist;
      }
      if (artist == null) {
        artist = inArtistFolder ? artistDir.getFileName().toString() : UNKNOWN_ARTIST;
        fallbacks.add(inArtistFolder ? "artist from the folder name" : "no artist");
      }
      albumArtist = albumArtist == null ? artist : albumArtist;
      String album = p.tag("album");
      if (album == null && inFolder) {
        album = albumDir.getFileName().toString();
        fallbacks.add("album from the folder name");
      }
      Integer position = leadingInt(p.tag("track", "tracknumber"));
      if (position == null) {
        Matcher m = LEADING_NUMBER.matcher(base);
        position = m.find() ? Integer.parseInt(m.group(1)) : null;
      }
      Integer disc = leadingInt(p.tag("disc", "discnumber"));
      ReleaseDate date = null;
      String dateText = p.tag("date", "year", "originaldate");
      if (dateText != null) {
        try {
          date = ReleaseDate.parse(dateText);
        } catch (IllegalArgumentException e) {
          fallbacks.add("unreadable date '" + dateText + "'");
        }
      }
      List<Tag> tags = new ArrayList<>();
      String genre = p.tag("genre");
      if (genre != null) {
        for (String g : genre.split("[;/,]")) {
          if (!g.isBlank() && !g.strip().matches("\\(?\\d+\\)?")) {
            tags.add(new Tag(Tag.GENRE, g));
          }
        }
      }
      long artistId =
          artistId(artist, p.tag("musicbrainz_artistid", "musicbrainz artist id"), artists);
      long albumArtistId =
          albumArtist.equals(artist) ? artistId : artistId(albumArtist, null, artists);
      Long albumId =
          album == null
              ? null
              : albumId(
                  albumArtistId,
                  album,
                  date,
                  p.tag("musicbrainz_albumid", "musicbrainz album id"),
                  albums);
      if (!fallbacks.isEmpty()) {
        report.withFallbacks++;
        report.problem(path, "imported with fallbacks: " + String.join(", ", fallbacks));
      }
      ExternalIds ids =
          new ExternalIds(
              existing == null ? null : existing.externalIds().spotifyId(),
              p.tag("isrc", "tsrc"),
              p.tag("musicbrainz_trackid", "musicbrainz track id", "musicbrainz_releasetrackid"));
      // What the tags say replaces; what only the catalog knows (features, stats, flags, lyrics …)
      // is kept from the existing track. The store keeps a track's uuid when it is given none.
      return (existing == null ? Track.builder() : existing.toBuilder())
          .id(id)
          .uuid(null)
          .name(title)
          .albumId(albumId)
          .position(position)
          .disc(disc)
          .durationMs(p.durationMs())
          .releaseDate(date)
          .externalIds(ids)
          .artistIds(List.of(artistId))
          .tags(tags)
          .build();
    }

    /** The artist of that name, created in this batch when it is new to the catalog. */
    private long artistId(String name, String mbid, Map<Long, Artist> artists) {
      long id = ids.artist(name);
      if (ids.isNewArtist(id) && created.add("artist " + id)) {
        artists.put(
            id,
            Artist.builder()
                .id(id)
                .name(name)
                .externalIds(new ExternalIds(null, null, mbid))
                .build());
      }
      return id;
    }

    /** The artist's album of that name, created in this batch when it is new to the catalog. */
    private long albumId(
        long artistId, String name, ReleaseDate date, String mbid, Map<Long, Album> albums) {
      long id = ids.album(artistId, name);
      if (ids.isNewAlbum(id) && created.add("album " + id)) {
        albums.put(
            id,
            Album.builder()
                .id(id)
                .name(name)
                .artistIds(List.of(artistId))
                .releaseDate(date)
                .externalIds(new ExternalIds(null, null, mbid))
                .build());
      }
      return id;
    }
  }

  private static Read await(Future<Read> read) {
    try {
      return read.get();
    } catch (ExecutionException e) {
      throw new AudioException("reading a file failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AudioException("interrupted", e);
    }
  }

  private static Integer leadingInt(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = Pattern.compile("^\\s*(\\d+)").matcher(s);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}

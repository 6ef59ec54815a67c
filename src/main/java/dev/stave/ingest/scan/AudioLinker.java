package dev.stave.ingest.scan;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Links imported tracks to the audio files their import named ({@code track_audio_paths}: MTG's
 * {@code PATH}, the jsonl {@code audio} field), resolved under the audio roots. The files found are
 * scanned like any other ({@link LibraryScanner#scanFiles}: hashed, probed, waveform computed,
 * queued for analysis) and attached by the scan's first rule, the path the import named; so the
 * links are ordinary file rows, kept when a file moves and a rescan finds it by content.
 *
 * <p>Idempotent: a track that already has a present file is counted "already linked" and not read
 * again. A file that is missing is reported with its path, never fatal.
 */
@Component
public class AudioLinker {
  static final int PRINTED_UNMATCHED = 20;

  private final JdbcTemplate jdbc;
  private final LibraryScanner scanner;

  public AudioLinker(JdbcTemplate jdbc, LibraryScanner scanner) {
    this.jdbc = jdbc;
    this.scanner = scanner;
  }

  /** A track whose named file could not be linked, and why. */
  public record Unmatched(long trackId, String path, String reason) {}

  /** What a link run did. */
  public record Report(
      List<Path> roots,
      long linked,
      long alreadyLinked,
      List<Unmatched> unmatched,
      long waveforms) {
    public void print(PrintStream out) {
      out.printf(
          Locale.ROOT,
          "Audio under %s%n",
          String.join(", ", roots.stream().map(Path::toString).toList()));
      out.printf(Locale.ROOT, "  linked          %,d%n", linked);
      out.printf(Locale.ROOT, "  already linked  %,d%n", alreadyLinked);
      out.printf(Locale.ROOT, "  unmatched       %,d%n", unmatched.size());
      unmatched.stream()
          .limit(PRINTED_UNMATCHED)
          .forEach(
              u -> out.println("    " + u.path() + " (track " + u.trackId() + "): " + u.reason()));
      if (unmatched.size() > PRINTED_UNMATCHED) {
        out.printf(Locale.ROOT, "    … and %,d more%n", unmatched.size() - PRINTED_UNMATCHED);
      }
      out.printf(Locale.ROOT, "  waveforms       %,d%n", waveforms);
    }
  }

  /** Whether any imported track names an audio file. */
  public boolean hasPaths() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM track_audio_paths", Integer.class);
    return n != null && n > 0;
  }

  /**
   * Links every track that names a file and has none yet, looking for each file under {@code roots}
   * in order (the first root holding it wins).
   */
  public Report link(List<Path> roots, boolean progress) {
    List<Path> absolute = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    Map<Long, String> named = new LinkedHashMap<>();
    Set<Long> withFile = new HashSet<>();
    jdbc.query(
        "SELECT p.track_id, p.path, (SELECT COUNT(*) FROM audio_files f"
            + " WHERE f.track_id = p.track_id AND f.present = ?) FROM track_audio_paths p"
            + " ORDER BY p.track_id",
        rs -> {
          named.put(rs.getLong(1), rs.getString(2));
          if (rs.getLong(3) > 0) {
            withFile.add(rs.getLong(1));
          }
        },
        true);
    List<Unmatched> unmatched = new ArrayList<>();
    Map<Path, List<String>> toScan = new LinkedHashMap<>();
    Map<Long, String> tried = new LinkedHashMap<>();
    named.forEach(
        (track, path) -> {
          if (withFile.contains(track)) {
            return;
          }
          Path root =
              absolute.stream()
                  .filter(r -> Files.isRegularFile(r.resolve(path)))
                  .findFirst()
                  .orElse(null);
          if (root == null) {
            unmatched.add(new Unmatched(track, path, "no such file under " + describe(absolute)));
          } else {
            toScan.computeIfAbsent(root, r -> new ArrayList<>()).add(path);
            tried.put(track, path);
          }
        });
    long waveforms = 0;
    LibraryScanner.Options options = new LibraryScanner.Options(progress, 50, 0, 0);
    for (Map.Entry<Path, List<String>> e : toScan.entrySet()) {
      ScanReport scanned = scanner.scanFiles(e.getKey(), e.getValue(), options);
      waveforms += scanned.waveforms();
    }
    long linked = 0;
    for (Map.Entry<Long, String> e : tried.entrySet()) {
      List<Long> owners =
          jdbc.queryForList(
              "SELECT track_id FROM audio_files WHERE track_id = ? AND present = ?",
              Long.class,
              e.getKey(),
              true);
      if (!owners.isEmpty()) {
        linked++;
      } else {
        unmatched.add(new Unmatched(e.getKey(), e.getValue(), whyNot(e.getValue(), absolute)));
      }
    }
    return new Report(absolute, linked, withFile.size(), List.copyOf(unmatched), waveforms);
  }

  /** Why a file that exists was not linked: it is another track's audio, or not audio at all. */
  private String whyNot(String path, List<Path> roots) {
    for (Path root : roots) {
      Path file = root.resolve(path);
      try {
        file = file.toRealPath();
      } catch (java.io.IOException e) {
        continue;
      }
      List<Long> other =
          jdbc.queryForList(
              "SELECT track_id FROM audio_files WHERE path = ?", Long.class, file.toString());
      if (!other.isEmpty()) {
        return "the file is already the audio of track " + other.get(0);
      }
    }
    return "not a readable audio file";
  }

  private static String describe(List<Path> roots) {
    return String.join(", ", roots.stream().map(Path::toString).toList());
  }
}

package dev.stave.export;

import dev.stave.audio.AudioRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code audio} field of exported tracks: where each track's audio file is, as a path relative
 * to the audio root holding it, so that {@code stave import jsonl FILE --audio-root ROOT} (or the
 * same {@code stave.audio.roots}) on another data directory links the same files again.
 *
 * <p>Which path a track gets, first that applies:
 *
 * <ol>
 *   <li>its present audio file (the first by path, the one the server streams), relative to the
 *       first audio root ({@link AudioRoots#all()}: configured, then remembered) whose real path
 *       holds it;
 *   <li>the path its import named ({@code track_audio_paths}) when no file was linked to it yet
 *       (the file never arrived): kept, so that the copy links it when it does;
 *   <li>nothing.
 * </ol>
 *
 * A linked file that lies outside every audio root (a folder taken out of {@code
 * stave.audio.roots}) has no relative path an import could resolve; an absolute path would be
 * refused by the importer and would tie the export to this machine. Such a track falls back to the
 * path its import named, else gets no {@code audio}, and is counted and listed in the report so the
 * operator can add the folder back as a root and export again. The server does not stream such a
 * file either (it serves only files inside a root).
 *
 * <p>One instance per export: the roots are resolved once, and the counts add up over the pages.
 */
final class ExportedAudio {
  static final int LISTED_OUTSIDE = 20;

  private final JdbcTemplate jdbc;
  private final List<Path> roots;
  private final List<Path> realRoots;
  private long linked;
  private long named;
  private long outside;
  private final List<String> outsideExamples = new ArrayList<>();

  ExportedAudio(JdbcTemplate jdbc, AudioRoots audioRoots) {
    this.jdbc = jdbc;
    this.roots = audioRoots.all();
    this.realRoots = roots.stream().map(ExportedAudio::real).toList();
  }

  /** The {@code audio} path of each of {@code trackIds} that has one. */
  Map<Long, String> paths(Collection<Long> trackIds) {
    Map<Long, String> out = new HashMap<>();
    if (trackIds.isEmpty()) {
      return out;
    }
    String in = trackIds.stream().map(id -> "?").collect(Collectors.joining(","));
    Object[] ids = trackIds.toArray();
    Map<Long, String> files = new HashMap<>();
    Object[] presentArgs = new Object[ids.length + 1];
    presentArgs[0] = true;
    System.arraycopy(ids, 0, presentArgs, 1, ids.length);
    jdbc.query(
        "SELECT track_id, path FROM audio_files WHERE present = ? AND track_id IN ("
            + in
            + ") ORDER BY track_id, path",
        rs -> {
          files.putIfAbsent(rs.getLong(1), rs.getString(2));
        },
        presentArgs);
    Map<Long, String> namedPaths = new HashMap<>();
    jdbc.query(
        "SELECT track_id, path FROM track_audio_paths WHERE track_id IN (" + in + ")",
        rs -> {
          namedPaths.put(rs.getLong(1), rs.getString(2));
        },
        ids);
    Set<Long> tracks = new LinkedHashSet<>(files.keySet());
    tracks.addAll(namedPaths.keySet());
    for (long track : tracks) {
      String file = files.get(track);
      String relative = file == null ? null : relative(Path.of(file));
      if (relative != null) {
        linked++;
        out.put(track, relative);
        continue;
      }
      if (file != null) {
        outside++;
        if (outsideExamples.size() < LISTED_OUTSIDE) {
          outsideExamples.add(file + " (track " + track + ")");
        }
      }
      String name = namedPaths.get(track);
      if (name != null) {
        named++;
        out.put(track, name);
      }
    }
    return out;
  }

  /** What the export wrote and left out so far, for its report. */
  JsonlExport.AudioLinks report() {
    return new JsonlExport.AudioLinks(roots, linked, named, outside, List.copyOf(outsideExamples));
  }

  /**
   * {@code file} relative to the first root holding it, with {@code /} separators (the import
   * format's), or null when no root holds it. Stored paths are real paths (the scan resolves
   * links), so they are compared with each root's real path, and with the root as given when it
   * cannot be resolved (an unmounted disk).
   */
  private String relative(Path file) {
    for (Path root : realRoots) {
      if (file.startsWith(root) && !file.equals(root)) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
      }
    }
    return null;
  }

  private static Path real(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }
}

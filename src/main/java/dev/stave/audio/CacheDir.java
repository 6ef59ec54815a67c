package dev.stave.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A cache folder bounded in bytes, least recently used first out: a file's modification time is its
 * last use ({@link #touch}), and {@link #trim} deletes the oldest files until the folder fits. The
 * state is the folder itself, so it survives restarts and is shared by every process using the data
 * directory. Files being written ({@link #beingWritten}) neither count nor go.
 */
final class CacheDir {
  private CacheDir() {}

  /**
   * Whether {@code file} is one being written, not a cached one: a {@code .part} (output of a run)
   * or a {@code .part.complete} (its copy with a completed header, see {@link Renditions}). Left
   * behind by a process that stopped, they are deleted at the next start ({@link CacheWriterLock}).
   */
  static boolean beingWritten(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".part") || name.endsWith(".part.complete");
  }

  /** Marks {@code file} as just used. */
  static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // Eviction order only; serving goes on.
    }
  }

  /**
   * Deletes the least recently used files of {@code dir}, except those {@code kept} says, until
   * their total is at most {@code bound} bytes (or only kept files are left).
   */
  static void trim(Path dir, long bound, Predicate<Path> kept) {
    record Entry(Path path, long size, long time) {}
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> !beingWritten(p)).toList()) {
        try {
          entries.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException e) {
          // Gone meanwhile (another process trimmed it).
        }
      }
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long total = entries.stream().mapToLong(Entry::size).sum();
    entries.sort(Comparator.comparingLong(Entry::time));
    for (Entry e : entries) {
      if (total <= bound) {
        break;
      }
      if (!kept.test(e.path())) {
        try {
          Files.deleteIfExists(e.path());
          total -= e.size();
        } catch (IOException ex) {
          // Left for the next trim.
        }
      }
    }
  }
}

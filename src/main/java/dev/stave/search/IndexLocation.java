package dev.stave.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The on-disk layout under {@code <data-dir>/index}: one sub-directory per generation ({@code
 * gen-<n>}) and a {@code CURRENT} file naming the live one. A rebuild writes a new generation and
 * then replaces {@code CURRENT} with an atomic rename, so a crash or Ctrl-C at any moment leaves
 * either the old or the new complete index in use, never a half-built one.
 */
final class IndexLocation {
  private static final String POINTER = "CURRENT";
  private static final String PREFIX = "gen-";

  private final Path root;

  IndexLocation(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** The live generation, or null when there is none yet. */
  Path current() {
    Path pointer = root.resolve(POINTER);
    try {
      if (!Files.isRegularFile(pointer)) {
        return null;
      }
      String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
      Path dir = root.resolve(name);
      return name.startsWith(PREFIX) && Files.isDirectory(dir) ? dir : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** Creates an empty directory for a new generation, numbered after every existing one. */
  Path newGeneration() {
    try {
      Files.createDirectories(root);
      long next = generations().stream().mapToLong(IndexLocation::number).max().orElse(0) + 1;
      return Files.createDirectory(root.resolve(PREFIX + next));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an index generation under " + root, e);
    }
  }

  /** Makes {@code generation} the live one (atomic rename of the pointer file). */
  void switchTo(Path generation) {
    Path tmp = root.resolve(POINTER + ".tmp");
    try {
      Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp,
            root.resolve(POINTER),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch the index to " + generation, e);
    }
  }

  /**
   * Deletes every generation but those in {@code keep} (left-overs of replaced or interrupted
   * builds). Null entries are ignored.
   */
  void deleteAllBut(Path... keep) {
    List<Path> kept = java.util.Arrays.stream(keep).filter(java.util.Objects::nonNull).toList();
    for (Path gen : generations()) {
      if (!kept.contains(gen)) {
        deleteTree(gen);
      }
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a left-over generation only costs disk and is retried on the next start.
    }
  }

  /** Every generation directory, the highest-numbered (the newest) first. */
  List<Path> newestFirst() {
    return generations().stream()
        .sorted(Comparator.comparingLong(IndexLocation::number).reversed())
        .toList();
  }

  private List<Path> generations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(Files::isDirectory)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static long number(Path gen) {
    try {
      return Long.parseLong(gen.getFileName().toString().substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

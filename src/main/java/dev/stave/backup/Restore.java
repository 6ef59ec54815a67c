package dev.stave.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stave restore DIR}: puts a backup's store and signing key into an empty data directory and
 * its configuration files back where Spring reads them. Runs before any Spring context exists,
 * because starting one on the target would create an empty store there first.
 *
 * <p>Every file is checked against the manifest's SHA-256 before anything is written. The database
 * is copied under a temporary name and renamed at the end, so an interrupted restore leaves no
 * {@code stave.db} that a server could start on. A configuration file that already exists in the
 * working directory is kept (the backup's copy stays in the backup), never overwritten.
 */
public final class Restore {
  private Restore() {}

  /** What was restored, and notes for the operator. */
  public record Result(BackupManifest manifest, List<String> notes) {}

  public static Result restore(Path backup, Path dataDir, Path workDir) throws IOException {
    BackupManifest manifest = BackupManifest.read(backup);
    for (Map.Entry<String, String> f : manifest.files().entrySet()) {
      Path file = backup.resolve(f.getKey());
      if (!Files.isRegularFile(file)) {
        throw new BackupException(backup + ": " + f.getKey() + " is missing from the backup");
      }
      if (!BackupManifest.sha256(file).equals(f.getValue())) {
        throw new BackupException(
            backup + ": " + f.getKey() + " does not match its checksum (damaged or changed)");
      }
    }
    if (!manifest.files().containsKey(SqliteBackup.DATABASE)) {
      throw new BackupException(backup + ": the backup holds no " + SqliteBackup.DATABASE);
    }
    SqliteBackup.requireEmptyOrAbsent(dataDir, "data directory");
    Files.createDirectories(dataDir);
    List<String> notes = new ArrayList<>();
    if (manifest.files().containsKey(SqliteBackup.KEY_FILE)) {
      Path key = dataDir.resolve(SqliteBackup.KEY_FILE);
      Files.copy(backup.resolve(SqliteBackup.KEY_FILE), key);
      SqliteBackup.ownerOnly(key);
    } else {
      notes.add(
          "the backup has no audio signing key file: give the server the same"
              + " stave.audio.signing-key setting as before, or audio URLs handed out stop working");
    }
    for (String name : manifest.files().keySet()) {
      if (name.endsWith(".key") && !name.contains("/") && !name.equals(SqliteBackup.KEY_FILE)) {
        Path other = dataDir.resolve(name);
        Files.copy(backup.resolve(name), other);
        SqliteBackup.ownerOnly(other);
      }
    }
    String prefix = SqliteBackup.CONFIG_DIR + "/";
    for (String name : manifest.files().keySet()) {
      if (!name.startsWith(prefix)) {
        continue;
      }
      Path from = backup.resolve(name);
      Path to = workDir.resolve(name.substring(prefix.length()));
      if (!Files.exists(to)) {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to);
        notes.add("restored configuration " + to);
      } else if (Files.mismatch(from, to) == -1) {
        notes.add("configuration " + to + " is already the backup's");
      } else {
        notes.add(
            "kept the existing configuration "
                + to
                + "; the backup's differs and stays in "
                + from);
      }
    }
    Path db = dataDir.resolve(SqliteBackup.DATABASE);
    Path partial = dataDir.resolve(SqliteBackup.DATABASE + ".restoring");
    Files.copy(backup.resolve(SqliteBackup.DATABASE), partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(partial, db, StandardCopyOption.ATOMIC_MOVE);
    return new Result(manifest, notes);
  }
}

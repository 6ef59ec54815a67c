package dev.stave.backup;

import dev.stave.config.StaveProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * {@code stave backup DIR} on SQLite: a consistent copy of the store taken while {@code serve} goes
 * on, with the audio signing key and the configuration files.
 *
 * <p>Decision: {@code VACUUM INTO} rather than SQLite's online backup API. In WAL mode it copies
 * from one read transaction, so the copy is the database as of one instant and writers are never
 * blocked (a WAL reader does not hold the write lock). The backup API copies page ranges step by
 * step and restarts whenever another process writes between steps, which under a steady write load
 * may never finish, or, done in one step, is what {@code VACUUM INTO} already does, compacted.
 *
 * <p>Everything is written into a hidden sibling directory and renamed to DIR only once complete,
 * manifest last, so an interrupted or failed backup never leaves something that looks like a
 * backup: the partial directory is deleted, also on Ctrl-C (shutdown hook).
 */
@Component
public class SqliteBackup {
  static final String DATABASE = "stave.db";
  static final String KEY_FILE = "audio-signing.key";
  static final String CONFIG_DIR = "config";

  private final DataSource dataSource;
  private final StaveProperties props;

  public SqliteBackup(DataSource dataSource, StaveProperties props) {
    this.dataSource = dataSource;
    this.props = props;
  }

  /**
   * The data directory's other secret key files ({@code *.key}, as {@link
   * dev.stave.config.SecretKeyFile} keeps them, e.g. the key that encrypts Subsonic passwords):
   * backed up and restored with the store, whose sealed secrets they alone open.
   */
  static List<Path> otherKeyFiles(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return List.of();
    }
    try (var list = Files.list(dataDir)) {
      return list.filter(f -> f.getFileName().toString().endsWith(".key"))
          .filter(f -> !f.getFileName().toString().equals(KEY_FILE))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  /** Called while the database is copied: bytes written so far, and the expected total. */
  public interface Progress {
    void copied(long bytes, long expected);
  }

  /** What a backup wrote, and what the operator must keep themselves. */
  public record Result(Path dir, BackupManifest manifest, long databaseBytes, List<String> notes) {}

  /**
   * Takes the backup into {@code target}, which must not exist or be an empty directory.
   *
   * @throws BackupException for a target that is not empty, or a store that is not SQLite
   */
  public Result backup(Path target, Path workDir, Progress progress)
      throws IOException, SQLException {
    return backup(target, workDir, progress, () -> {});
  }

  /**
   * As {@link #backup(Path, Path, Progress)}, running {@code beforeRename} once everything is
   * written and before the backup is renamed into place (crash tests hold the run there).
   */
  public Result backup(Path target, Path workDir, Progress progress, Runnable beforeRename)
      throws IOException, SQLException {
    if (props.db().postgres()) {
      throw new BackupException(PostgresAdvice.TEXT);
    }
    Path dir = target.toAbsolutePath().normalize();
    requireEmptyOrAbsent(dir, "backup directory");
    Path staging =
        dir.resolveSibling("." + dir.getFileName() + ".partial-" + ProcessHandle.current().pid());
    Files.createDirectories(staging);
    Thread cleanup = new Thread(() -> deleteTree(staging), "stave-backup-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    boolean done = false;
    try {
      Result result = write(dir, staging, workDir, progress);
      beforeRename.run();
      if (Files.isDirectory(dir)) {
        Files.delete(dir); // empty, checked above
      }
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return result;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs and deletes the partial copy
      }
      if (!done) {
        deleteTree(staging);
      }
    }
  }

  private Result write(Path dir, Path staging, Path workDir, Progress progress)
      throws IOException, SQLException {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    Path copy = staging.resolve(DATABASE);
    Instant created;
    String schema;
    long expected;
    try (Connection c = dataSource.getConnection()) {
      schema = schemaVersion(c);
      expected = usedBytes(c);
    }
    // A connection of its own: SQLite refuses VACUUM on a connection with any statement not yet
    // reset, which a pooled connection cannot promise.
    Path source = props.dataDir().resolve(DATABASE).toAbsolutePath();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source)) {
      Thread watcher = watch(copy, expected, progress);
      try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
        created = Instant.now();
        vacuum.setString(1, copy.toString());
        vacuum.execute();
      } finally {
        watcher.interrupt();
      }
      progress.copied(Files.size(copy), Files.size(copy));
    }
    files.put(DATABASE, BackupManifest.sha256(copy));

    Path key = props.dataDir().resolve(KEY_FILE);
    if (Files.isRegularFile(key)) {
      Path keyCopy = staging.resolve(KEY_FILE);
      Files.copy(key, keyCopy, StandardCopyOption.COPY_ATTRIBUTES);
      ownerOnly(keyCopy);
      files.put(KEY_FILE, BackupManifest.sha256(keyCopy));
    } else {
      notes.add(
          "the audio signing key is not a file in the data directory: it comes from the setting"
              + " stave.audio.signing-key (STAVE_AUDIO_SIGNING_KEY); keep that setting");
    }
    for (Path other : otherKeyFiles(props.dataDir())) {
      Path keyCopy = staging.resolve(other.getFileName().toString());
      Files.copy(other, keyCopy, StandardCopyOption.COPY_ATTRIBUTES);
      ownerOnly(keyCopy);
      files.put(other.getFileName().toString(), BackupManifest.sha256(keyCopy));
    }
    for (String config : ConfigFiles.present(workDir)) {
      Path to = staging.resolve(CONFIG_DIR).resolve(config);
      Files.createDirectories(to.getParent());
      Files.copy(workDir.resolve(config), to, StandardCopyOption.COPY_ATTRIBUTES);
      files.put(CONFIG_DIR + "/" + config, BackupManifest.sha256(to));
    }
    List<String> env = ConfigFiles.environmentSettings();
    if (!env.isEmpty()) {
      notes.add(
          "settings given as environment variables are not in the backup; keep them: "
              + String.join(", ", env));
    }
    BackupManifest manifest = new BackupManifest(created, schema, files);
    manifest.write(staging);
    return new Result(dir, manifest, Files.size(copy), notes);
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  /** Bytes of the pages in use: about the size of the compacted copy. */
  private static long usedBytes(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT page_count FROM pragma_page_count())"
                    + " - (SELECT freelist_count FROM pragma_freelist_count()),"
                    + " (SELECT page_size FROM pragma_page_size())")) {
      rs.next();
      return rs.getLong(1) * rs.getLong(2);
    }
  }

  /** Reports the copy's growing size every 200 ms until interrupted. */
  private static Thread watch(Path copy, long expected, Progress progress) {
    return Thread.ofPlatform()
        .daemon()
        .name("stave-backup-progress")
        .start(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  if (Files.exists(copy)) {
                    progress.copied(Files.size(copy), expected);
                  }
                  Thread.sleep(200);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException e) {
                // the copy vanished (interrupted backup): nothing more to report
              }
            });
  }

  static void requireEmptyOrAbsent(Path dir, String what) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BackupException(what + " " + dir + " exists and is not a directory");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      if (entries.iterator().hasNext()) {
        throw new BackupException(
            what + " " + dir + " is not empty; give a new or empty directory");
      }
    }
  }

  static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // a file system without POSIX permissions keeps the copy's own
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the partial backup " + root, e);
    }
  }
}

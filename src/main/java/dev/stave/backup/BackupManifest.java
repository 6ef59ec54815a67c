package dev.stave.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code stave-backup.properties}: what a backup holds and the SHA-256 of each file. It is written
 * last, so a backup directory without it is incomplete (an interrupted or failed backup), and
 * {@code stave restore} refuses it; the checksums catch a file damaged or changed since.
 *
 * @param created when the database snapshot was taken
 * @param schemaVersion the store's migration version at that moment ({@code restore} migrates an
 *     older one forward when the server starts on it)
 * @param files relative path in the backup → SHA-256 (hex)
 */
public record BackupManifest(Instant created, String schemaVersion, Map<String, String> files) {
  public static final String FILE = "stave-backup.properties";
  private static final String FILE_PREFIX = "file.";

  public BackupManifest {
    files = Map.copyOf(files);
  }

  /** Writes the manifest into {@code dir}. */
  void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("format", "1");
    p.setProperty("created", created.toString());
    p.setProperty("store", "sqlite");
    p.setProperty("schema-version", schemaVersion);
    new TreeMap<>(files).forEach((name, sha) -> p.setProperty(FILE_PREFIX + name, sha));
    try (Writer w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.store(w, "Stave backup: written last; files with their SHA-256");
    }
  }

  /**
   * Reads the manifest of {@code dir}.
   *
   * @throws BackupException when there is none (not a backup, or an incomplete one)
   */
  static BackupManifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new BackupException(
          dir
              + " is not a complete Stave backup: it has no "
              + FILE
              + " (written last, so an interrupted backup has none)");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    if (!"1".equals(p.getProperty("format"))) {
      throw new BackupException(file + ": unknown backup format " + p.getProperty("format"));
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
      if (key.startsWith(FILE_PREFIX)) {
        files.put(key.substring(FILE_PREFIX.length()), p.getProperty(key));
      }
    }
    return new BackupManifest(
        Instant.parse(p.getProperty("created")), p.getProperty("schema-version", ""), files);
  }

  /** The SHA-256 of a file, in hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
        OutputStream sink = OutputStream.nullOutputStream()) {
      in.transferTo(sink);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

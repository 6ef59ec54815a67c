package dev.stave.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret key kept in a file of the data directory: random bytes generated once, base64, readable
 * by its owner only, never replaced once written (what it signed or encrypted must stay valid), so
 * that every node sharing the data directory holds the same key. Extracted from the audio URL
 * signer so that other features (the Subsonic dialect's encrypted credentials) keep their keys the
 * same way instead of copying the dance of temporary file and hard link.
 */
public final class SecretKeyFile {
  private SecretKeyFile() {}

  /**
   * The key in {@code file}, creating it with {@code bytes} random bytes on first use.
   *
   * @throws UncheckedIOException when the file can be neither read nor created
   */
  public static byte[] readOrCreate(Path file, int bytes) {
    try {
      if (!Files.exists(file)) {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] k = new byte[bytes];
        new SecureRandom().nextBytes(k);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the directory's own protection applies.
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(k));
        try {
          // Never replace a key another process wrote first.
          Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
          // Another process created it in the meantime; theirs is the key.
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return Base64.getDecoder().decode(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.stave.subsonic.auth;

import dev.stave.config.SecretKeyFile;
import dev.stave.config.StaveProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts the Subsonic passwords at rest. Salted-token authentication ({@code t = md5(password +
 * s)}) needs the password itself on the server, which a one-way hash cannot give back; so the
 * password is sealed with AES-256-GCM (the JDK's, authenticated: a changed ciphertext fails to
 * open) under a key kept like the audio signing key, generated once into {@code DATA/subsonic.key}.
 * A copy of the database alone reveals no password. The account's user id is the associated data,
 * so a sealed password moved to another account's row does not open.
 */
@Component
public class CredentialSealer {
  static final String KEY_FILE = "subsonic.key";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public CredentialSealer(StaveProperties stave) {
    this.key =
        new SecretKeySpec(SecretKeyFile.readOrCreate(stave.dataDir().resolve(KEY_FILE), 32), "AES");
  }

  /** {@code secret} sealed for {@code userId}: base64 of nonce and ciphertext. */
  public String seal(long userId, String secret) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(userId));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * The secret sealed for {@code userId}.
   *
   * @throws IllegalStateException when it does not open (another key, another account, altered)
   */
  public String open(long userId, String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(aad(userId));
      byte[] plain = c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the Subsonic password of user " + userId + " cannot be opened with " + KEY_FILE, e);
    }
  }

  private static byte[] aad(long userId) {
    return ("stave-subsonic:" + userId).getBytes(StandardCharsets.UTF_8);
  }
}

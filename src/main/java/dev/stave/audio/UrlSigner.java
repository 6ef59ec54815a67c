package dev.stave.audio;

import dev.stave.config.SecretKeyFile;
import dev.stave.config.StaveProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Signs audio URLs so that a player can fetch them without a client id while nobody can forge or
 * extend one: {@code PATH?exp=EPOCH_SECONDS&sig=HMAC-SHA256(key, PATH "\n" exp)}. The expiry is
 * rounded up to the next hour past {@code stave.audio.url-ttl}, so the URLs of one entity stay
 * identical for a while (cacheable responses). The key is {@code stave.audio.signing-key}, else 32
 * random bytes generated once into {@code DATA/audio-signing.key}, which every node sharing the
 * data directory (or given the same key) accepts.
 */
@Component
public class UrlSigner {
  static final String KEY_FILE = "audio-signing.key";
  private static final long ROUND_SECONDS = 3600;

  /** The answer to a request whose signature does not verify (HTTP 403). */
  public static final String REFUSED = "this audio URL is not signed, was changed or has expired";

  private final byte[] key;
  private final AudioProperties props;
  private final Clock clock;

  /** Keyed once; never used itself, only cloned (a read, so safe to share between threads). */
  private final Mac keyed;

  public UrlSigner(AudioProperties props, StaveProperties stave, ObjectProvider<Clock> clock) {
    this.props = props;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.key =
        props.signingKey().isBlank()
            ? keyFile(stave.dataDir().resolve(KEY_FILE))
            : decode(props.signingKey());
    this.keyed = newMac();
  }

  /** The query string ({@code exp=…&sig=…}) that makes {@code path} valid until its expiry. */
  public String query(String path) {
    long now = clock.instant().getEpochSecond();
    long exp = ((now + props.urlTtl().toSeconds()) / ROUND_SECONDS + 1) * ROUND_SECONDS;
    return query(path, exp);
  }

  /** The query string for {@code path} expiring at {@code exp} (epoch seconds). */
  public String query(String path, long exp) {
    return "exp=" + exp + "&sig=" + mac(path, exp);
  }

  /** Whether a request's path carries a valid, unexpired {@code exp} and {@code sig}. */
  public boolean verify(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return verify(path, request.getParameter("exp"), request.getParameter("sig"));
  }

  /** Whether {@code sig} signs {@code path} with {@code exp}, and {@code exp} has not passed. */
  public boolean verify(String path, String exp, String sig) {
    if (path == null || exp == null || sig == null || !exp.matches("\\d{1,12}")) {
      return false;
    }
    long e = Long.parseLong(exp);
    if (e < clock.instant().getEpochSecond()) {
      return false;
    }
    return MessageDigest.isEqual(
        mac(path, e).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String path, long exp) {
    byte[] out = mac().doFinal((path + "\n" + exp).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /**
   * A copy of the keyed HMAC: looking up the provider and keying a new {@link Mac} cost more than
   * the signature itself, and a track list signs two URLs per track.
   */
  private Mac mac() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      return newMac(); // a provider whose HMAC cannot be copied: key a new one each time
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] decode(String base64) {
    byte[] k;
    try {
      k = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new AudioException("stave.audio.signing-key is not base64");
    }
    if (k.length < 32) {
      throw new AudioException("stave.audio.signing-key must hold at least 32 bytes");
    }
    return k;
  }

  /** Reads the key file, creating it (readable by its owner only) on first use. */
  private static byte[] keyFile(Path file) {
    try {
      return SecretKeyFile.readOrCreate(file, 32);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new AudioException("cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }
}

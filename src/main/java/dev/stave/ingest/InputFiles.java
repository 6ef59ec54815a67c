package dev.stave.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Opening input files (gzip recognised by its magic bytes, not its name) and fingerprinting them.
 */
public final class InputFiles {
  private InputFiles() {}

  /** Opens the file, transparently gunzipping it when it starts with the gzip magic number. */
  public static InputStream open(Path file) throws IOException {
    return decompressing(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** Wraps an already opened stream (which must support mark) the same way as {@link #open}. */
  public static InputStream decompressing(InputStream in) throws IOException {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(buffered, 1 << 16);
    }
    return buffered;
  }

  /**
   * A fingerprint of the files' contents in the order given, independent of their location: the
   * same data resumes the same checkpoint wherever it is copied; any change to the data, or to the
   * order (which can decide which of two rows wins), starts afresh.
   */
  public static String fingerprint(List<Path> files) throws IOException {
    List<String> digests = new ArrayList<>();
    for (Path f : files) {
      digests.add(HexFormat.of().formatHex(sha256(f)));
    }
    MessageDigest all = sha256();
    digests.forEach(d -> all.update(d.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    return HexFormat.of().formatHex(all.digest()).substring(0, 32);
  }

  private static byte[] sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return md.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** A stream that counts the (compressed) bytes read, for byte-based progress. */
  public static final class Counting extends java.io.FilterInputStream {
    private long count;

    public Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    public long count() {
      return count;
    }
  }
}

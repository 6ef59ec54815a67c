package dev.stave.audio;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * Waveform peaks as Jamendo serves them (spec §7.1): {@value #PEAKS} integers from 0 (silence) to
 * 100 (full scale), each the loudest sample of its slice of the track, as the JSON text {@code
 * {"peaks":[…]}}. The scale is absolute, not normalised per track, so a quiet track looks quiet.
 *
 * <p>Computed from ffmpeg's mono decode of the whole track <em>at its own sample rate</em>, as
 * 32-bit floats, in constant memory per slice. Decision (2026-12-06, issue 15 item 6, measured in
 * docs/performance.md): the 8 kHz decode used before low-passed the signal at 4 kHz, so the peaks
 * of bright material read low; the peaks of the full-rate signal are the exact ones. It also spares
 * ffmpeg the resampler (30–70 ms of a 3.5-minute MP3), but the JVM then reads 11× the bytes, so end
 * to end the CPU per track is about the same as before. 16-bit output at the file's own rate (half
 * the bytes) was measured again once {@link PeakSink} reduced the samples in bulk (2026-12-07): no
 * cheaper (JVM 28–33 ms against 24–28 ms per 3.5-minute track, ffmpeg the same), so the floats,
 * which need no conversion in ffmpeg, stay.
 */
@Component
public class Waveforms {
  /** Peaks per track, as in Jamendo's samples (hundreds to thousands; 960 fits a wide player). */
  public static final int PEAKS = 960;

  /** The waveform of a track without peaks yet. */
  public static final String EMPTY = "{\"peaks\":[]}";

  private final Ffmpeg ffmpeg;

  public Waveforms(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /**
   * The waveform JSON of {@code file}.
   *
   * @throws AudioException when ffmpeg cannot decode it
   */
  public String compute(Path file) {
    PeakSink sink = new PeakSink();
    ffmpeg.decodeMonoFloat(file, sink);
    return json(sink.peaks(PEAKS));
  }

  static String json(int[] peaks) {
    StringJoiner j = new StringJoiner(",", "{\"peaks\":[", "]}");
    for (int p : peaks) {
      j.add(Integer.toString(p));
    }
    return j.toString();
  }

  /**
   * Receives 32-bit float little-endian mono samples (full scale ±1) and keeps the loudest sample
   * of every block of {@value #BLOCK} samples (1.5 ms at 44.1 kHz; an hour at 48 kHz is 2.7 million
   * blocks), from which any number of peaks is derived at the end.
   *
   * <p>Decision (2026-12-07, issue 15 item 6, measured in docs/performance.md): the samples are
   * compared as their IEEE bit patterns with the sign bit cleared (for non-negative floats the
   * integer order is the numeric order), copied in bulk into an {@code int[]} and reduced in a loop
   * the JIT vectorises. Assembling each float from four bytes, as before, cost 29 ms of CPU per
   * 3.5-minute track (the JVM's largest per-track cost in a scan); this costs 6–7 ms. A NaN sample,
   * which no decoder produces, reads as full scale (it used to read as silence).
   */
  public static final class PeakSink extends OutputStream {
    static final int BLOCK = 64;

    /** The bit pattern of +infinity: larger patterns are NaNs. */
    private static final int INFINITY_BITS = 0x7F800000;

    private int[] blocks = new int[4096];
    private int count;
    private int inBlock;
    private int maxBits; // of the loudest |sample| in the current block
    private final int[] scratch = new int[16 * 1024];
    private final byte[] pending = new byte[4]; // a sample split between writes
    private int pendingLength;

    @Override
    public void write(int b) {
      byte[] one = {(byte) b};
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      int i = off;
      int end = off + len;
      while (pendingLength > 0 && i < end) {
        pending[pendingLength++] = buf[i++];
        if (pendingLength == 4) {
          pendingLength = 0;
          samples(ByteBuffer.wrap(pending).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer());
        }
      }
      int whole = (end - i) / 4 * 4;
      samples(ByteBuffer.wrap(buf, i, whole).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer());
      for (i += whole; i < end; i++) {
        pending[pendingLength++] = buf[i];
      }
    }

    private void samples(IntBuffer in) {
      while (in.hasRemaining()) {
        int n = Math.min(in.remaining(), scratch.length);
        in.get(scratch, 0, n);
        int k = 0;
        while (k < n) {
          int to = Math.min(n, k + BLOCK - inBlock);
          int m = maxBits;
          for (int j = k; j < to; j++) {
            m = Math.max(m, scratch[j] & 0x7FFFFFFF);
          }
          maxBits = m;
          inBlock += to - k;
          k = to;
          if (inBlock == BLOCK) {
            flushBlock();
          }
        }
      }
    }

    private void flushBlock() {
      if (count == blocks.length) {
        blocks = Arrays.copyOf(blocks, blocks.length * 2);
      }
      float max = Float.intBitsToFloat(Math.min(maxBits, INFINITY_BITS));
      blocks[count++] = Math.min(100, Math.round(max * 100f));
      maxBits = 0;
      inBlock = 0;
    }

    /** {@code n} peaks 0..100 over everything received (zeros when nothing was). */
    public int[] peaks(int n) {
      if (inBlock > 0) {
        flushBlock();
      }
      int[] out = new int[n];
      if (count == 0) {
        return out;
      }
      for (int i = 0; i < n; i++) {
        int from = (int) ((long) i * count / n);
        int to = Math.max(from + 1, (int) ((long) (i + 1) * count / n));
        int m = 0;
        for (int k = from; k < to; k++) {
          m = Math.max(m, blocks[k]);
        }
        out[i] = m;
      }
      return out;
    }
  }
}

package dev.stave.audio;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * Waveform peaks as Jamendo serves them (spec §7.1): {@value #PEAKS} integers from 0 (silence) to
 * 100 (full scale), each the loudest sample of its slice of the track, as the JSON text {@code
 * {"peaks":[…]}}. The scale is absolute, not normalised per track, so a quiet track looks quiet.
 * Computed from ffmpeg's mono decode at {@value #SAMPLE_RATE} Hz in constant memory per slice.
 */
@Component
public class Waveforms {
  /** Peaks per track, as in Jamendo's samples (hundreds to thousands; 960 fits a wide player). */
  public static final int PEAKS = 960;

  /** The waveform of a track without peaks yet. */
  public static final String EMPTY = "{\"peaks\":[]}";

  static final int SAMPLE_RATE = 8000;

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
    ffmpeg.decodeMono(file, SAMPLE_RATE, sink);
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
   * Receives signed 16-bit little-endian mono PCM and keeps the loudest sample of every block of
   * {@value #BLOCK} samples (2 ms at 8 kHz), from which any number of peaks is derived at the end.
   */
  public static final class PeakSink extends OutputStream {
    static final int BLOCK = 16;

    private int[] blocks = new int[4096];
    private int count;
    private int inBlock;
    private int max;
    private int low = -1; // a sample's first byte, waiting for its second

    @Override
    public void write(int b) {
      byte[] one = {(byte) b};
      write(one, 0, 1);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (low < 0) {
          low = buf[i] & 0xFF;
          continue;
        }
        int sample = (short) ((buf[i] << 8) | low);
        low = -1;
        max = Math.max(max, Math.abs(sample));
        if (++inBlock == BLOCK) {
          flushBlock();
        }
      }
    }

    private void flushBlock() {
      if (count == blocks.length) {
        blocks = Arrays.copyOf(blocks, blocks.length * 2);
      }
      blocks[count++] = max;
      max = 0;
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
        out[i] = Math.min(100, Math.round(m * 100f / 32768f));
      }
      return out;
    }
  }
}

package dev.stave.analysis;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A decoded clip: its mono mix (the mean of the channels, −1…1) at {@code sampleRate}, and its
 * integrated loudness measured on the channels themselves while decoding (BS.1770 sums the power of
 * the channels, which a mono mix would not preserve).
 */
public final class Signal {
  private final float[] mono;
  private final int sampleRate;
  private final double loudness;

  Signal(float[] mono, int sampleRate, double loudness) {
    this.mono = mono;
    this.sampleRate = sampleRate;
    this.loudness = loudness;
  }

  /** The mono mix; callers must not change it. */
  float[] mono() {
    return mono;
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** Integrated loudness in LUFS ({@link LoudnessMeter#SILENCE} for silence). */
  public double loudness() {
    return loudness;
  }

  /** A mono signal; its loudness is measured as a one-channel programme. */
  public static Signal ofMono(float[] mono, int sampleRate) {
    LoudnessMeter meter = new LoudnessMeter(sampleRate, 1);
    double[] frame = new double[1];
    for (float v : mono) {
      frame[0] = v;
      meter.add(frame);
    }
    return new Signal(mono, sampleRate, meter.integrated(1));
  }

  /**
   * The integrated loudness in LUFS of a stereo programme, measured as an analysis measures a
   * decoded file; for makers of audio that must come out at a given loudness (the demo audio).
   */
  public static double loudnessOf(float[] left, float[] right, int sampleRate) {
    LoudnessMeter meter = new LoudnessMeter(sampleRate, 2);
    double[] frame = new double[2];
    for (int i = 0; i < left.length; i++) {
      frame[0] = left[i];
      frame[1] = right[i];
      meter.add(frame);
    }
    return meter.integrated(2);
  }

  public double seconds() {
    return mono.length / (double) sampleRate;
  }

  /**
   * Receives a 16-bit mono or stereo WAV stream (as ffmpeg writes it to a pipe) and builds the
   * signal: the loudness of a stereo stream counts both channels, that of a mono one its one
   * channel, as ffmpeg's {@code ebur128} measures them.
   */
  static final class WavStream extends OutputStream {
    private final int sampleRate;
    private final byte[] header = new byte[8];
    private int headerLength;

    /** Bytes of the current non-data chunk still to skip; −1 once in the data. */
    private long skip;

    private boolean riffRead;
    private boolean inFormat;
    private long chunkPosition;
    private int channels;
    private LoudnessMeter meter;
    private double[] frame;
    private final byte[] pending = new byte[4];
    private int pendingLength;
    private float[] mono = new float[1 << 16];
    private int length;

    WavStream(int sampleRate) {
      this.sampleRate = sampleRate;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int i = off;
      int end = off + len;
      while (skip >= 0 && i < end) {
        i = header(b, i, end);
      }
      int frameBytes = 2 * Math.max(1, channels);
      while (pendingLength > 0 && i < end) {
        pending[pendingLength++] = b[i++];
        if (pendingLength == frameBytes) {
          frame(pending, 0);
          pendingLength = 0;
        }
      }
      for (; i + frameBytes <= end; i += frameBytes) {
        frame(b, i);
      }
      while (i < end) {
        pending[pendingLength++] = b[i++];
      }
    }

    /** Consumes header bytes from {@code i}; returns where it stopped. */
    private int header(byte[] b, int i, int end) {
      if (skip > 0) {
        for (; skip > 0 && i < end; skip--, i++, chunkPosition++) {
          if (inFormat && chunkPosition == 2) {
            channels = b[i] & 0xff;
          } else if (inFormat && chunkPosition == 3) {
            channels |= (b[i] & 0xff) << 8;
          }
        }
        return i;
      }
      while (headerLength < 8 && i < end) {
        header[headerLength++] = b[i++];
      }
      if (headerLength < 8) {
        return i;
      }
      String id = new String(header, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
      long size =
          (header[4] & 0xffL)
              | (header[5] & 0xffL) << 8
              | (header[6] & 0xffL) << 16
              | (header[7] & 0xffL) << 24;
      headerLength = 0;
      chunkPosition = 0;
      inFormat = id.equals("fmt ");
      if (!riffRead) {
        if (!id.equals("RIFF")) {
          throw new IllegalStateException("not a WAV stream");
        }
        riffRead = true;
        skip = 4; // "WAVE"
      } else if (id.equals("data")) {
        if (channels < 1 || channels > 2) {
          throw new IllegalStateException("WAV stream without a mono or stereo format");
        }
        meter = new LoudnessMeter(sampleRate, channels);
        frame = new double[channels];
        skip = -1;
      } else {
        skip = size + (size & 1);
      }
      return i;
    }

    private void frame(byte[] b, int i) {
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        short v = (short) ((b[i + 2 * c] & 0xff) | (b[i + 2 * c + 1] << 8));
        frame[c] = v / 32768.0;
        sum += frame[c];
      }
      meter.add(frame);
      if (length == mono.length) {
        mono = Arrays.copyOf(mono, mono.length * 2);
      }
      mono[length++] = (float) (sum / channels);
    }

    Signal signal() {
      return new Signal(
          Arrays.copyOf(mono, length),
          sampleRate,
          meter == null ? LoudnessMeter.SILENCE : meter.integrated(channels));
    }
  }
}

package dev.stave.ingest.demo.audio;

import dev.stave.analysis.Signal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stereo buffer a demo piece is rendered into, and its mastering: a room reverb on a send, a
 * fade out, then gain and a soft limiter until the integrated loudness is the catalog's (measured
 * with the analysis package's own BS.1770 meter, so that {@code stave analyze} reads back what was
 * aimed at). Written out as 16-bit PCM WAV for ffmpeg to encode.
 */
final class Mix {
  static final int RATE = 44_100;

  final float[] left;
  final float[] right;

  /** What is sent to the reverb (mono); instruments add to it with their send level. */
  final float[] send;

  Mix(double seconds) {
    int n = (int) Math.ceil(seconds * RATE);
    left = new float[n];
    right = new float[n];
    send = new float[n];
  }

  int length() {
    return left.length;
  }

  /**
   * Adds a mono sample at {@code i} placed at {@code pan} (−1 left … 1 right, equal power) with
   * {@code reverb} of it sent to the room.
   */
  void add(int i, double v, double pan, double reverb) {
    if (i < 0 || i >= left.length) {
      return;
    }
    double angle = (pan + 1) * Math.PI / 4;
    left[i] += (float) (v * Math.cos(angle));
    right[i] += (float) (v * Math.sin(angle));
    send[i] += (float) (v * reverb);
  }

  /**
   * A Schroeder room (four damped combs, two all-passes per side, the right side's delays a little
   * longer so the tail is wide) of {@code size} 0…1, added to the dry mix.
   */
  void applyReverb(double size) {
    double feedback = 0.72 + 0.16 * size;
    double[] outL = room(new int[] {1116, 1188, 1277, 1356}, feedback);
    double[] outR = room(new int[] {1139, 1211, 1300, 1379}, feedback);
    for (int i = 0; i < left.length; i++) {
      left[i] += (float) (0.25 * outL[i]);
      right[i] += (float) (0.25 * outR[i]);
    }
  }

  private double[] room(int[] combs, double feedback) {
    double[] out = new double[send.length];
    for (int delay : combs) {
      double[] line = new double[delay];
      double damp = 0;
      for (int i = 0; i < send.length; i++) {
        int p = i % delay;
        double y = line[p];
        damp = 0.6 * y + 0.4 * damp;
        line[p] = send[i] + feedback * damp;
        out[i] += y;
      }
    }
    for (int delay : new int[] {556, 441}) {
      double[] line = new double[delay];
      for (int i = 0; i < out.length; i++) {
        int p = i % delay;
        double delayed = line[p];
        line[p] = out[i] + 0.5 * delayed;
        out[i] = delayed - 0.5 * line[p];
      }
    }
    return out;
  }

  /**
   * A bus compressor of {@code ratio} (1: none) above a threshold 12 dB under the peak level:
   * electronic music is held at an even level, acoustic music keeps its dynamics (which is what the
   * analysis hears as electric or acoustic).
   */
  void compress(double ratio) {
    if (ratio <= 1.01) {
      return;
    }
    double peak = 1e-9;
    for (int i = 0; i < left.length; i++) {
      peak = Math.max(peak, Math.max(Math.abs(left[i]), Math.abs(right[i])));
    }
    double threshold = peak * Math.pow(10, -12 / 20.0);
    double attack = Math.exp(-1 / (0.005 * RATE));
    double release = Math.exp(-1 / (0.15 * RATE));
    double env = 0;
    for (int i = 0; i < left.length; i++) {
      double x = Math.max(Math.abs(left[i]), Math.abs(right[i]));
      env = x > env ? attack * env + (1 - attack) * x : release * env + (1 - release) * x;
      double g = env > threshold ? Math.pow(env / threshold, 1 / ratio - 1) : 1;
      left[i] *= (float) g;
      right[i] *= (float) g;
    }
  }

  /** Fades in over the first 20 ms and out over the last {@code seconds}. */
  void fade(double seconds) {
    int in = RATE / 50;
    int out = (int) (seconds * RATE);
    for (int i = 0; i < left.length; i++) {
      double g = Math.min(1, i / (double) in);
      int fromEnd = left.length - 1 - i;
      if (fromEnd < out) {
        double x = fromEnd / (double) out;
        g *= x * x;
      }
      left[i] *= (float) g;
      right[i] *= (float) g;
    }
  }

  /**
   * Brings the integrated loudness to {@code lufs}: gain, and where that would clip, a soft limiter
   * driven harder (louder masters are denser, as real ones are). A few rounds, since limiting
   * lowers the loudness it is meant to raise. Returns the loudness reached.
   */
  double master(double lufs) {
    lufs += ENCODING_LOSS;
    double measured = heardLoudness();
    for (int round = 0; round < 10 && Math.abs(measured - lufs) > 0.1; round++) {
      double gain = Math.pow(10, (lufs - measured) / 20);
      for (int i = 0; i < left.length; i++) {
        left[i] = limit(left[i] * gain);
        right[i] = limit(right[i] * gain);
      }
      measured = heardLoudness();
    }
    return measured - ENCODING_LOSS;
  }

  /**
   * What the analysis of the encoded file reads under {@link #heardLoudness} (MP3 and its
   * resampling to 22,050 Hz, which cuts more sharply than averaging pairs): 0.5 dB, the mean over
   * 27 demo pieces of 2026-12-06. The master aims that much higher.
   */
  static final double ENCODING_LOSS = 0.5;

  /**
   * The loudness as an analysis hears it: analyses decode at half this rate, so what lies above 11
   * kHz (the hi-hats' air, which K-weighting favours) does not count. Measured on pairs of samples
   * averaged (a gentle low-pass, then every second sample).
   */
  private double heardLoudness() {
    int n = left.length / 2;
    float[] l = new float[n];
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      l[i] = 0.5f * (left[2 * i] + left[2 * i + 1]);
      r[i] = 0.5f * (right[2 * i] + right[2 * i + 1]);
    }
    return Signal.loudnessOf(l, r, RATE / 2);
  }

  /** Linear up to 0.7, then bending smoothly towards ±0.99. */
  private static float limit(double x) {
    double a = Math.abs(x);
    if (a <= 0.7) {
      return (float) x;
    }
    double over = (a - 0.7) / 0.29;
    return (float) (Math.signum(x) * (0.7 + 0.29 * Math.tanh(over)));
  }

  /** Writes the mix as 16-bit stereo PCM WAV. */
  void writeWav(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      int bytes = left.length * 4;
      ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      h.put("RIFF".getBytes(StandardCharsets.US_ASCII))
          .putInt(36 + bytes)
          .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
          .putInt(16)
          .putShort((short) 1)
          .putShort((short) 2)
          .putInt(RATE)
          .putInt(RATE * 4)
          .putShort((short) 4)
          .putShort((short) 16)
          .put("data".getBytes(StandardCharsets.US_ASCII))
          .putInt(bytes);
      out.write(h.array());
      ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < left.length; i++) {
        if (b.remaining() < 4) {
          out.write(b.array(), 0, b.position());
          b.clear();
        }
        b.putShort(pcm(left[i])).putShort(pcm(right[i]));
      }
      out.write(b.array(), 0, b.position());
    }
  }

  private static short pcm(float v) {
    return (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
  }
}

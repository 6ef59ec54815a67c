package dev.stave.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Sounds of known character synthesised for the analysis tests and the accuracy report: click
 * tracks and drum patterns at a known tempo, chord progressions in a known key, plucked (decaying)
 * and electric (sustained, distorted) tones, noise. Seeded, so every run hears the same sounds.
 */
public final class Synth {
  public static final int RATE = AudioAnalyzer.SAMPLE_RATE;
  private static final String[] NAMES = {
    "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"
  };

  private Synth() {}

  public static String keyName(int key, int mode) {
    return key < 0 ? "none" : NAMES[key] + (mode == 1 ? " major" : " minor");
  }

  /**
   * A band: the chord progression of {@link #progression}, one chord per two beats, over the drum
   * pattern of {@link #drums}.
   */
  public static float[] song(int key, int mode, double bpm, double seconds, long seed) {
    return mix(progression(key, mode, seconds, 120 / bpm), 1, drums(bpm, seconds, seed), 0.7);
  }

  /** A 5 ms burst of a 2 kHz tone with a fast decay on every beat. */
  public static float[] clicks(double bpm, double seconds) {
    float[] x = new float[(int) (seconds * RATE)];
    double period = 60.0 / bpm;
    for (double t = 0.05; t < seconds; t += period) {
      int start = (int) Math.round(t * RATE);
      for (int i = 0; i < RATE / 50 && start + i < x.length; i++) {
        x[start + i] +=
            (float) (0.8 * Math.sin(2 * Math.PI * 2000 * i / RATE) * Math.exp(-i / (RATE * 0.004)));
      }
    }
    return x;
  }

  /**
   * A rock beat: kick on beats 1 and 3, snare on 2 and 4, a softer closed hi-hat on every eighth
   * note, with a little timing and level humanisation.
   */
  public static float[] drums(double bpm, double seconds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[(int) (seconds * RATE)];
    double beat = 60.0 / bpm;
    int n = 0;
    for (double t = 0.05; t < seconds; t += beat / 2, n++) {
      int start = (int) Math.round((t + random.nextDouble(-0.002, 0.002)) * RATE);
      double level = 0.9 + random.nextDouble(0.1);
      if (n % 2 == 0) {
        if ((n / 2) % 2 == 0) {
          kick(x, start, 0.9 * level);
        } else {
          noise(x, start, 0.5 * level, 0.12, random);
        }
      }
      hat(x, start, 0.15 * level, random);
    }
    return x;
  }

  private static void kick(float[] x, int start, double amp) {
    double phase = 0;
    for (int i = 0; i < RATE * 0.3 && start + i < x.length; i++) {
      double f = 50 + 100 * Math.exp(-i / (RATE * 0.03));
      phase += 2 * Math.PI * f / RATE;
      x[start + i] += (float) (amp * Math.sin(phase) * Math.exp(-i / (RATE * 0.08)));
    }
  }

  private static void noise(float[] x, int start, double amp, double decay, SplittableRandom r) {
    for (int i = 0; i < RATE * decay * 4 && start + i < x.length; i++) {
      x[start + i] += (float) (amp * r.nextDouble(-1, 1) * Math.exp(-i / (RATE * decay / 3)));
    }
  }

  private static void hat(float[] x, int start, double amp, SplittableRandom r) {
    double prev = 0;
    for (int i = 0; i < RATE * 0.05 && start + i < x.length; i++) {
      double w = r.nextDouble(-1, 1);
      x[start + i] += (float) (amp * (w - prev) * Math.exp(-i / (RATE * 0.01)));
      prev = w;
    }
  }

  /**
   * I–IV–V–I (major) or i–iv–V–i (minor, harmonic: the dominant has the raised seventh) in the
   * given key, one chord per {@code chordSeconds}, repeated; piano-like decaying notes with four
   * harmonics, the chord root doubled an octave below.
   */
  public static float[] progression(int key, int mode, double seconds, double chordSeconds) {
    int[][] chords =
        mode == 1
            ? new int[][] {{0, 4, 7}, {5, 9, 12}, {7, 11, 14}, {0, 4, 7}}
            : new int[][] {{0, 3, 7}, {5, 8, 12}, {7, 11, 14}, {0, 3, 7}};
    float[] x = new float[(int) (seconds * RATE)];
    int c = 0;
    for (double t = 0; t < seconds; t += chordSeconds, c++) {
      int[] chord = chords[c % chords.length];
      int start = (int) (t * RATE);
      int length = (int) (chordSeconds * RATE);
      int root = 48 + key; // C3 + key
      for (int interval : chord) {
        note(x, start, length, midiHz(root + 12 + interval), 0.12);
      }
      note(x, start, length, midiHz(root + chord[0] - (chord[0] >= 7 ? 12 : 0)), 0.15);
    }
    return x;
  }

  private static double midiHz(int midi) {
    return 440 * Math.pow(2, (midi - 69) / 12.0);
  }

  /** A decaying note with four harmonics (1, 1/2, 1/3, 1/4). */
  public static void note(float[] x, int start, int length, double hz, double amp) {
    for (int i = 0; i < length && start + i < x.length; i++) {
      double t = i / (double) RATE;
      double env = Math.exp(-t / 0.8) * Math.min(1, i / (RATE * 0.005));
      double v = 0;
      for (int h = 1; h <= 4; h++) {
        v += Math.sin(2 * Math.PI * hz * h * t) / h;
      }
      x[start + i] += (float) (amp * env * v);
    }
  }

  /**
   * An "electric" band: a hard-clipped sawtooth bass and lead held at constant level with a loud
   * four-on-the-floor kick.
   */
  public static float[] electric(double bpm, double seconds) {
    float[] x = new float[(int) (seconds * RATE)];
    for (int i = 0; i < x.length; i++) {
      double t = i / (double) RATE;
      double saw = 2 * ((t * 110) % 1) - 1 + 2 * ((t * 220.5) % 1) - 1 + 2 * ((t * 330) % 1) - 1;
      x[i] = (float) Math.max(-0.5, Math.min(0.5, 0.6 * saw));
    }
    double beat = 60.0 / bpm;
    for (double t = 0; t < seconds; t += beat) {
      kick(x, (int) (t * RATE), 0.6);
    }
    return x;
  }

  /** A guitar-like plucked string (Karplus–Strong) playing an arpeggio, notes ringing out. */
  public static float[] plucked(double seconds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[(int) (seconds * RATE)];
    int[] notes = {52, 57, 62, 67, 71, 76, 71, 67};
    int n = 0;
    for (double t = 0; t < seconds; t += 0.6, n++) {
      int period = (int) Math.round(RATE / midiHz(notes[n % notes.length]));
      double[] ring = new double[period];
      for (int i = 0; i < period; i++) {
        ring[i] = random.nextDouble(-0.4, 0.4);
      }
      int start = (int) (t * RATE);
      for (int i = 0; i < RATE * 2.5 && start + i < x.length; i++) {
        int p = i % period;
        double v = ring[p];
        ring[p] = 0.996 * 0.5 * (ring[p] + ring[(p + 1) % period]);
        x[start + i] += (float) v;
      }
    }
    return x;
  }

  public static float[] sine(double hz, double seconds, double amp) {
    float[] x = new float[(int) (seconds * RATE)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return x;
  }

  public static float[] whiteNoise(double seconds, double amp, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[(int) (seconds * RATE)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amp * random.nextDouble(-1, 1));
    }
    return x;
  }

  /** Sums signals (the shortest length), each scaled. */
  public static float[] mix(float[] a, double ga, float[] b, double gb) {
    float[] x = new float[Math.min(a.length, b.length)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (ga * a[i] + gb * b[i]);
    }
    return x;
  }

  /** Writes 16-bit mono PCM WAV. */
  public static Path wav(Path out, float[] x) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(36 + 2 * x.length)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(RATE)
        .putInt(RATE * 2)
        .putShort((short) 2)
        .putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(2 * x.length);
    for (float v : x) {
      b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, b.array());
    return out;
  }
}

package dev.stave.ingest.demo.audio;

import java.util.SplittableRandom;

/**
 * The instruments of the demo pieces, each a few lines of classic synthesis written straight into a
 * {@link Mix}: drums from swept sines and filtered noise, a plucked string (Karplus–Strong), a
 * piano-like struck tone (decaying partials, the high ones faster), detuned-sawtooth pads and leads
 * through a low-pass, a sung voice (a pulse train through three vowel formants, with vibrato) and
 * spoken syllables (the same voice gliding in pitch, a consonant of noise before it). Kept simple
 * on purpose: the point is that what is heard follows the catalog's features, and it costs a
 * fraction of a second per piece.
 */
final class Instruments {
  private static final int RATE = Mix.RATE;
  private static final int TABLE = 4096;
  private static final double[] SINE = new double[TABLE + 1];

  static {
    for (int i = 0; i <= TABLE; i++) {
      SINE[i] = Math.sin(2 * Math.PI * i / TABLE);
    }
  }

  private Instruments() {}

  /** sin(2π·phase) from a table (phase in cycles). */
  static double sin(double phase) {
    double p = (phase - Math.floor(phase)) * TABLE;
    int i = (int) p;
    double f = p - i;
    return SINE[i] + f * (SINE[i + 1] - SINE[i]);
  }

  static double hz(double midi) {
    return 440 * Math.pow(2, (midi - 69) / 12.0);
  }

  // ---- drums ----

  /** A kick: a sine swept down to its body pitch; electronic ones are deeper and longer. */
  static void kick(Mix m, int at, double amp, boolean electronic) {
    double body = electronic ? 48 : 58;
    double sweep = electronic ? 110 : 90;
    double decay = electronic ? 0.22 : 0.12;
    double phase = 0;
    int n = (int) (RATE * decay * 4);
    for (int i = 0; i < n; i++) {
      double t = i / (double) RATE;
      phase += (body + sweep * Math.exp(-t / 0.025)) / RATE;
      double click = i < RATE / 400 ? 0.3 * (1 - i / (RATE / 400.0)) : 0;
      m.add(at + i, amp * (sin(phase) * Math.exp(-t / decay) + click), 0, 0.02);
    }
  }

  /**
   * A snare (a short tone and a noise burst) or, with {@code brush}, a softer longer swish; {@code
   * clap} makes three quick noise bursts, as a drum machine's hand clap.
   */
  static void snare(Mix m, int at, double amp, boolean brush, boolean clap, SplittableRandom r) {
    double noiseDecay = brush ? 0.11 : 0.06;
    int n = (int) (RATE * (brush ? 0.4 : 0.25));
    double prev = 0;
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = i / (double) RATE;
      double w = r.nextDouble(-1, 1);
      double hp = w - 0.6 * prev;
      prev = w;
      double env;
      if (clap) {
        double local = t % 0.011;
        env = t < 0.033 ? Math.exp(-local / 0.004) : Math.exp(-(t - 0.033) / 0.05);
      } else {
        env = Math.exp(-t / noiseDecay);
      }
      phase += 185 / (double) RATE;
      double tone = brush || clap ? 0 : 0.6 * sin(phase) * Math.exp(-t / 0.04);
      m.add(at + i, amp * (hp * env * (brush ? 0.5 : 0.8) + tone), -0.1, 0.12);
    }
  }

  /** A hi-hat: high-passed noise, closed (short) or open (ringing). */
  static void hat(Mix m, int at, double amp, boolean open, SplittableRandom r) {
    double decay = open ? 0.12 : 0.022;
    int n = (int) (RATE * decay * 5);
    double p1 = 0;
    double p2 = 0;
    for (int i = 0; i < n; i++) {
      double w = r.nextDouble(-1, 1);
      double hp = w - 2 * p1 + p2;
      p2 = p1;
      p1 = w;
      m.add(at + i, amp * 0.35 * hp * Math.exp(-i / (RATE * decay)), 0.35, 0.05);
    }
  }

  /** A shaker: band-limited noise with a soft attack, for acoustic pieces without a drum kit. */
  static void shaker(Mix m, int at, double amp, SplittableRandom r) {
    int n = RATE / 8;
    double lp = 0;
    double prev = 0;
    for (int i = 0; i < n; i++) {
      double w = r.nextDouble(-1, 1);
      lp += 0.5 * (w - lp);
      double bp = lp - prev;
      prev = lp;
      double t = i / (double) RATE;
      double env = Math.min(1, t / 0.012) * Math.exp(-t / 0.035);
      m.add(at + i, amp * bp * env, -0.4, 0.1);
    }
  }

  // ---- pitched ----

  /**
   * A bass note: electronic, a sawtooth through a low-pass that closes after the attack; acoustic,
   * an upright's plucked sine with a touch of second harmonic.
   */
  static void bass(Mix m, int at, int length, int midi, double amp, boolean electronic) {
    double f = hz(midi);
    double phase = 0;
    double lp = 0;
    for (int i = 0; i < length + RATE / 20; i++) {
      double t = i / (double) RATE;
      double release = i < length ? 1 : Math.exp(-(i - length) / (RATE * 0.01));
      phase += f / RATE;
      double v;
      if (electronic) {
        double saw = 2 * (phase - Math.floor(phase)) - 1;
        double cutoff = 180 + 900 * Math.exp(-t / 0.08);
        lp += (1 - Math.exp(-2 * Math.PI * cutoff / RATE)) * (saw - lp);
        v = lp * Math.min(1, t / 0.004);
      } else {
        v = (sin(phase) + 0.25 * sin(2 * phase)) * Math.min(1, t / 0.006) * Math.exp(-t / 0.6);
      }
      m.add(at + i, amp * v * release, 0, 0.03);
    }
  }

  /** A piano-like struck note: six slightly stretched partials, the higher ones dying sooner. */
  static void piano(Mix m, int at, int length, int midi, double amp, double pan, double reverb) {
    double f = hz(midi);
    int n = length + RATE / 5;
    double[] phases = new double[6];
    for (int i = 0; i < n; i++) {
      double t = i / (double) RATE;
      double release = i < length ? 1 : Math.exp(-(i - length) / (RATE * 0.05));
      double v = 0;
      for (int h = 0; h < 6; h++) {
        int k = h + 1;
        phases[h] += f * k * (1 + 0.0004 * k * k) / RATE;
        v += sin(phases[h]) * Math.exp(-t * (0.9 + 0.9 * k)) / k;
      }
      m.add(at + i, amp * v * Math.min(1, t / 0.002) * release, pan, reverb);
    }
  }

  /** A plucked string (Karplus–Strong), ringing for {@code length} then damped. */
  static void pluck(
      Mix m, int at, int length, int midi, double amp, double pan, SplittableRandom r) {
    int period = Math.max(2, (int) Math.round(RATE / hz(midi)));
    double[] ring = new double[period];
    for (int i = 0; i < period; i++) {
      ring[i] = r.nextDouble(-1, 1);
    }
    int n = length + RATE / 10;
    double prev = 0;
    for (int i = 0; i < n; i++) {
      int p = i % period;
      double v = ring[p];
      double loss = i < length ? 0.996 : 0.9;
      ring[p] = loss * 0.5 * (ring[p] + ring[(p + 1) % period]);
      double smooth = 0.5 * (v + prev);
      prev = v;
      m.add(at + i, amp * smooth, pan, 0.25);
    }
  }

  /**
   * A pad (or bowed strings with {@code bowed}: slower attack, vibrato): two detuned sawtooths, one
   * each side, through a low-pass at {@code brightness} Hz.
   */
  static void pad(
      Mix m, int at, int length, int midi, double amp, double brightness, boolean bowed) {
    double f = hz(midi);
    double attack = bowed ? 0.25 : 0.08;
    double[] phase = new double[2];
    double[] lp = new double[2];
    double k = 1 - Math.exp(-2 * Math.PI * brightness / RATE);
    int n = length + RATE / 4;
    for (int i = 0; i < n; i++) {
      double t = i / (double) RATE;
      double env =
          Math.min(1, t / attack) * (i < length ? 1 : Math.exp(-(i - length) / (RATE * 0.08)));
      double vib = bowed ? 1 + 0.003 * sin(5.2 * t) : 1;
      for (int s = 0; s < 2; s++) {
        phase[s] += f * vib * (s == 0 ? 0.997 : 1.003) / RATE;
        double saw = 2 * (phase[s] - Math.floor(phase[s])) - 1;
        lp[s] += k * (saw - lp[s]);
        m.add(at + i, amp * env * lp[s], s == 0 ? -0.6 : 0.6, 0.35);
      }
    }
  }

  /** A distorted guitar-like power chord note: a sawtooth pair driven into saturation. */
  static void drive(Mix m, int at, int length, int midi, double amp, double pan) {
    double f = hz(midi);
    double p1 = 0;
    double p2 = 0;
    double lp = 0;
    int n = length + RATE / 30;
    for (int i = 0; i < n; i++) {
      double t = i / (double) RATE;
      p1 += f * 0.998 / RATE;
      p2 += f * 1.002 / RATE;
      double x = (p1 - Math.floor(p1)) + (p2 - Math.floor(p2)) - 1;
      double d = Math.tanh(4 * x);
      lp += 0.25 * (d - lp);
      double env =
          Math.min(1, t / 0.005) * (i < length ? 1 : Math.exp(-(i - length) / (RATE * 0.01)));
      m.add(at + i, amp * lp * env, pan, 0.1);
    }
  }

  /** A lead: a soft square (acoustic: a flute, sine with breath) with delayed vibrato. */
  static void lead(
      Mix m, int at, int length, int midi, double amp, boolean flute, SplittableRandom r) {
    double f = hz(midi);
    double phase = 0;
    double lp = 0;
    int n = length + RATE / 20;
    for (int i = 0; i < n; i++) {
      double t = i / (double) RATE;
      double vib = 1 + 0.004 * Math.min(1, t / 0.3) * sin(5.5 * t);
      phase += f * vib / RATE;
      double v;
      if (flute) {
        v = sin(phase) + 0.15 * sin(2 * phase) + 0.05 * r.nextDouble(-1, 1);
      } else {
        double sq = (phase - Math.floor(phase)) < 0.5 ? 1 : -1;
        lp += 0.15 * (sq - lp);
        v = lp;
      }
      double env =
          Math.min(1, t / 0.02) * (i < length ? 1 : Math.exp(-(i - length) / (RATE * 0.03)));
      m.add(at + i, amp * v * env, 0.15, 0.3);
    }
  }

  /** Formant frequencies (Hz) and gains of the vowels the voice sings. */
  private static final double[][] VOWELS = {
    {800, 1150, 2900}, // a
    {400, 1600, 2700}, // e
    {350, 600, 2400}, // o
    {270, 2140, 2950}, // i
    {325, 700, 2530}, // u
  };

  /**
   * A voice: a glottal pulse train (a bright sawtooth) through three formant resonators of a vowel,
   * with vibrato. {@code glide} semitones of pitch fall over the note make it speech-like; {@code
   * consonant} puts a short noise burst before it.
   */
  static void voice(
      Mix m,
      int at,
      int length,
      double midi,
      double amp,
      int vowel,
      double glide,
      boolean consonant,
      SplittableRandom r) {
    double[] formants = VOWELS[Math.floorMod(vowel, VOWELS.length)];
    Resonator[] res = new Resonator[3];
    for (int k = 0; k < 3; k++) {
      res[k] = new Resonator(formants[k], 80 + 40 * k);
    }
    double phase = 0;
    int n = length + RATE / 25;
    int pre = consonant ? RATE / 30 : 0;
    for (int i = -pre; i < n; i++) {
      double t = i / (double) RATE;
      double v;
      if (i < 0) {
        v = 0.3 * r.nextDouble(-1, 1) * (1 + i / (double) pre);
      } else {
        double pitch = midi - glide * Math.min(1, t / Math.max(0.05, length / (double) RATE));
        double vib = glide == 0 ? 0.25 * Math.min(1, t / 0.25) * sin(5.5 * t) : 0;
        phase += hz(pitch + vib) / RATE;
        double saw = 1 - 2 * (phase - Math.floor(phase));
        double env =
            Math.min(1, t / 0.03) * (i < length ? 1 : Math.exp(-(i - length) / (RATE * 0.02)));
        v = env * (res[0].filter(saw) + 0.6 * res[1].filter(saw) + 0.25 * res[2].filter(saw));
      }
      m.add(at + i, amp * v, -0.05, 0.25);
    }
  }

  /** A two-pole resonator (band-pass) at {@code hz} with {@code bandwidth} Hz, unity peak gain. */
  private static final class Resonator {
    private final double a1;
    private final double a2;
    private final double gain;
    private double y1;
    private double y2;

    Resonator(double hz, double bandwidth) {
      double rr = Math.exp(-Math.PI * bandwidth / RATE);
      a1 = 2 * rr * Math.cos(2 * Math.PI * hz / RATE);
      a2 = -rr * rr;
      gain = 1 - rr;
    }

    double filter(double x) {
      double y = gain * x + a1 * y1 + a2 * y2;
      y2 = y1;
      y1 = y;
      return y;
    }
  }

  /** A continuous room of people: low-passed noise, slowly swelling (what a live recording has). */
  static void crowd(Mix m, double amp, SplittableRandom r) {
    double lp = 0;
    double lp2 = 0;
    for (int i = 0; i < m.length(); i++) {
      double t = i / (double) RATE;
      double w = r.nextDouble(-1, 1);
      lp += 0.2 * (w - lp);
      lp2 += 0.05 * (lp - lp2);
      double swell = 0.8 + 0.2 * sin(0.13 * t) + 0.1 * sin(0.71 * t);
      m.add(i, amp * (lp - lp2) * swell * 3, sin(0.05 * t) * 0.5, 0.4);
    }
  }
}

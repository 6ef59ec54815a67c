package dev.stave.ingest.demo.audio;

import dev.stave.ingest.demo.audio.Arrangement.Chords;
import dev.stave.ingest.demo.audio.Arrangement.Drums;
import dev.stave.ingest.demo.audio.Arrangement.Kick;
import dev.stave.ingest.demo.audio.Arrangement.Melody;
import java.util.SplittableRandom;

/**
 * Plays an {@link Arrangement}: bars of four beats in four sections (intro with the chords and a
 * light beat, verse with the melody, chorus with everything and the melody higher, a last bar that
 * lets the chord ring), one chord per bar from the progression, a bass on the chord roots, drums on
 * a pattern of the arrangement, a melody that lands on chord tones on the strong beats and steps
 * through the scale between them, repeated every two bars as a tune is. Then the room, the fade and
 * the mastering to the catalog's loudness.
 */
final class DemoSong {
  private static final int RATE = Mix.RATE;
  private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
  private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};

  private final Arrangement a;
  private final SplittableRandom random;
  private final Mix mix;
  private final double beat;

  private DemoSong(Arrangement a) {
    this.a = a;
    this.random = new SplittableRandom(a.seed() * 31 + 7);
    this.beat = a.beatSeconds();
    this.mix = new Mix(a.seconds() + 2.0);
  }

  /** The piece, not yet mastered ({@link Mix#master}). */
  static Mix render(Arrangement a) {
    DemoSong song = new DemoSong(a);
    song.play();
    return song.mix;
  }

  private int at(int bar, double beatInBar) {
    return (int) Math.round((0.05 + (bar * 4 + beatInBar) * beat) * RATE);
  }

  private int samples(double beats) {
    return (int) Math.round(beats * beat * RATE);
  }

  /** 0 intro, 1 verse, 2 chorus, 3 ending. */
  private int section(int bar) {
    int bars = a.bars();
    if (bar == bars - 1) {
      return 3;
    }
    if (bar < Math.max(1, bars / 4)) {
      return 0;
    }
    return bar < bars / 2 ? 1 : 2;
  }

  private void play() {
    for (int bar = 0; bar < a.bars(); bar++) {
      // The last bar comes home to the tonic.
      int degree = bar == a.bars() - 1 ? 0 : a.progression().get(bar % a.progression().size());
      int root = Math.floorMod(a.key() + degree, 12);
      int[] chord = chord(degree, root);
      int section = section(bar);
      chords(bar, chord, section);
      bass(bar, root, section);
      drums(bar, section);
      melody(bar, chord, section);
    }
    if (a.crowd() > 0) {
      Instruments.crowd(mix, a.crowd(), random);
    }
    mix.compress(a.compression());
    mix.applyReverb(a.room());
    mix.fade(Math.min(3, 2 * beat + 0.8));
  }

  /**
   * The pitch classes of the chord on {@code degree} (semitones above the key): major or minor as
   * the key's scale makes it; in a minor key the chord on the fifth is major (the raised seventh
   * leads home, and makes the key unmistakable).
   */
  private int[] chord(int degree, int root) {
    boolean major;
    if (a.mode() == 1) {
      major = degree == 0 || degree == 5 || degree == 7;
    } else {
      major = degree == 7 || degree == 8 || degree == 10 || degree == 3;
    }
    return new int[] {root, (root + (major ? 4 : 3)) % 12, (root + 7) % 12};
  }

  /** The MIDI note of pitch class {@code pc} in {@code [low, low + 12)}. */
  private static int place(int pc, int low) {
    return low + Math.floorMod(pc - low, 12);
  }

  private void chords(int bar, int[] chord, int section) {
    double gain = 0.11 * (section == 0 ? 0.8 : 1);
    int bar0 = at(bar, 0);
    switch (a.chords()) {
      case PIANO -> {
        boolean stabs = a.drums() != Drums.NONE && a.walkingBass();
        double[] hits = stabs ? new double[] {0, 1.5, 3} : new double[] {0, 1, 2, 3};
        for (double h : hits) {
          double accent = h == 0 || h == 2 ? 1 : 0.7;
          if (a.drums() == Drums.NONE) {
            // No drums: the pulse is the piano's, one chord tone per beat over a held bass note.
            int note = place(chord[(int) h % 3], 60);
            Instruments.piano(mix, at(bar, h), samples(1), note, gain * 1.6 * accent, 0.1, 0.4);
          } else {
            for (int pc : chord) {
              Instruments.piano(
                  mix, at(bar, h), samples(stabs ? 0.5 : 1), place(pc, 55), gain * accent, 0, 0.3);
            }
          }
        }
        if (a.drums() == Drums.NONE) {
          Instruments.piano(mix, bar0, samples(4), place(chord[0], 43), gain * 1.4, -0.1, 0.4);
        }
      }
      case GUITAR -> {
        for (int b = 0; b < 4; b++) {
          double accent = b % 2 == 0 ? 1 : 0.7;
          for (int s = 0; s < 3; s++) {
            int strum = (int) (s * 0.012 * RATE);
            Instruments.pluck(
                mix,
                at(bar, b) + strum,
                samples(1),
                place(chord[s], 52 + 4 * s),
                gain * 0.9 * accent,
                -0.3 + 0.2 * s,
                random);
          }
        }
      }
      case STRINGS -> {
        for (int pc : chord) {
          Instruments.pad(mix, bar0, samples(4), place(pc, 55), gain * 0.8, 1800, true);
        }
        Instruments.pad(mix, bar0, samples(4), place(chord[0], 43), gain * 0.8, 900, true);
        // A soft piano arpeggio keeps the pulse under the held strings.
        for (int b = 0; b < 4; b++) {
          int note = place(chord[b % 3], 60) + (b == 3 ? 12 : 0);
          Instruments.piano(mix, at(bar, b), samples(1), note, gain * 1.2, 0.3, 0.5);
        }
      }
      case PAD -> {
        if (a.kick() == Kick.FOUR_ON_THE_FLOOR && a.drums() != Drums.NONE) {
          for (int b = 0; b < 4; b++) {
            for (int pc : chord) {
              Instruments.pad(
                  mix,
                  at(bar, b + 0.5),
                  samples(0.3),
                  place(pc, 57),
                  gain * 1.1,
                  a.brightness(),
                  false);
            }
          }
        } else {
          for (int pc : chord) {
            Instruments.pad(mix, bar0, samples(4), place(pc, 55), gain, a.brightness(), false);
          }
          if (a.drums() == Drums.NONE) {
            for (int b = 0; b < 4; b++) {
              Instruments.piano(
                  mix, at(bar, b), samples(1), place(chord[b % 3], 67), gain, 0.3, 0.5);
            }
          }
        }
      }
      case DRIVE -> {
        for (int e = 0; e < 8; e++) {
          double accent = e % 2 == 0 ? 1 : 0.75;
          int note = place(chord[0], 40);
          Instruments.drive(mix, at(bar, e * 0.5), samples(0.45), note, gain * accent, -0.5);
          Instruments.drive(mix, at(bar, e * 0.5), samples(0.45), note + 7, gain * accent, 0.5);
        }
        // Power chords have no third: an organ-like pad above says major or minor.
        for (int pc : chord) {
          Instruments.pad(mix, bar0, samples(4), place(pc, 60), gain * 0.5, a.brightness(), false);
        }
      }
    }
  }

  private void bass(int bar, int root, int section) {
    if (section == 0 && a.drums() != Drums.NONE && a.bars() > 4) {
      return; // the intro has no bass
    }
    if (a.chords() == Chords.STRINGS || (a.drums() == Drums.NONE && a.chords() == Chords.PIANO)) {
      return; // held in the chords themselves
    }
    int note = place(root, 33);
    double gain = 0.3;
    boolean electronic = a.electronicBass();
    if (a.walkingBass()) {
      int[] steps = {0, 7, 12, 7};
      for (int b = 0; b < 4; b++) {
        Instruments.bass(mix, at(bar, b), samples(0.9), note + steps[b], gain, electronic);
      }
    } else if (a.kick() == Kick.FOUR_ON_THE_FLOOR) {
      for (int b = 0; b < 4; b++) {
        Instruments.bass(mix, at(bar, b + 0.5), samples(0.45), note, gain, electronic);
      }
    } else if (a.energy() >= 0.6) {
      for (int e = 0; e < 8; e++) {
        Instruments.bass(
            mix, at(bar, e * 0.5), samples(electronic ? 0.5 : 0.4), note, gain * 0.85, electronic);
      }
    } else {
      Instruments.bass(mix, at(bar, 0), samples(1.9), note, gain, electronic);
      Instruments.bass(
          mix, at(bar, 2), samples(1.9), note + (bar % 2 == 0 ? 0 : 7), gain, electronic);
    }
  }

  private void drums(int bar, int section) {
    if (a.drums() == Drums.NONE || section == 3 && bar > 0) {
      if (a.drums() != Drums.NONE) {
        Instruments.kick(mix, at(bar, 0), 0.8, a.drums() == Drums.MACHINE);
      }
      return;
    }
    double force = 0.55 + 0.45 * a.energy();
    boolean machine = a.drums() == Drums.MACHINE;
    boolean brushes = a.drums() == Drums.BRUSHES;
    boolean full = section != 0;
    for (int b = 0; b < 4; b++) {
      boolean kick =
          switch (a.kick()) {
            case FOUR_ON_THE_FLOOR -> true;
            case ONE_AND_THREE -> b == 0 || b == 2;
            case ONE -> b == 0;
          };
      if (kick && (full || b == 0)) {
        Instruments.kick(mix, at(bar, b), force * (brushes ? 0.6 : 0.9), machine);
      }
      if (full && (b == 1 || b == 3)) {
        Instruments.snare(
            mix, at(bar, b), force * (brushes ? 0.35 : 0.55), brushes, machine, random);
      }
      int division = a.hatDivision();
      for (int s = 0; s < division; s++) {
        double accent = s == 0 ? 1 : 0.55;
        boolean open = machine && a.kick() == Kick.FOUR_ON_THE_FLOOR && division == 2 && s == 1;
        int when = at(bar, b + s / (double) division);
        if (brushes) {
          Instruments.shaker(mix, when, 0.35 * force * accent, random);
        } else {
          Instruments.hat(mix, when, force * 0.5 * accent * (open ? 1.3 : 1), open, random);
        }
      }
    }
  }

  private void melody(int bar, int[] chord, int section) {
    if (section == 0 || section == 3 || a.melody() == Melody.NONE) {
      return;
    }
    if (a.melody() == Melody.SPEECH) {
      speech(bar);
      return;
    }
    // The same rhythm and contour every two bars (a phrase and its answer), drawn from the seed.
    SplittableRandom phrase = new SplittableRandom(a.seed() * 1_000 + bar % 2);
    int[] scale = a.mode() == 1 ? MAJOR_SCALE : MINOR_SCALE;
    int low = (a.melody() == Melody.VOICE ? 57 : 64) + (a.valence() >= 0.6 ? 2 : 0);
    if (section == 2) {
      low += 5;
    }
    double t = 0;
    int previous = place(chord[0], low);
    while (t < 4) {
      double length = phrase.nextDouble() < 0.55 ? 1 : 0.5;
      if (t == 0 || t == 2 || (t % 1 == 0 && phrase.nextDouble() < 0.3)) {
        length = phrase.nextDouble() < 0.5 ? 2 : 1;
      }
      length = Math.min(length, 4 - t);
      boolean rest = t > 0 && phrase.nextDouble() < (a.energy() < 0.4 ? 0.3 : 0.15);
      if (!rest) {
        int note;
        if (t + length >= 4 && bar % 2 == 1) {
          note = place(chord[0], low); // a phrase ends on the root
        } else if (t % 2 == 0) {
          note = place(chord[phrase.nextInt(3)], low);
        } else {
          note = stepFrom(previous, phrase.nextInt(-2, 3), scale);
        }
        previous = note;
        int when = at(bar, t);
        int len = samples(length * 0.9);
        double gain = 0.22;
        switch (a.melody()) {
          case VOICE ->
              Instruments.voice(
                  mix, when, len, note, gain * 1.3, phrase.nextInt(5), 0, false, random);
          case FLUTE -> Instruments.lead(mix, when, len, note + 12, gain * 0.6, true, random);
          case LEAD -> Instruments.lead(mix, when, len, note, gain * 0.5, false, random);
          default -> {}
        }
      }
      t += length;
    }
  }

  /** A scale note {@code steps} scale steps from {@code note}. */
  private int stepFrom(int note, int steps, int[] scale) {
    int pc = Math.floorMod(note - a.key(), 12);
    int index = 0;
    for (int i = 0; i < scale.length; i++) {
      if (scale[i] <= pc) {
        index = i;
      }
    }
    int octave = Math.floorDiv(note - a.key(), 12);
    int target = index + steps;
    return a.key() + 12 * (octave + Math.floorDiv(target, 7)) + scale[Math.floorMod(target, 7)];
  }

  /**
   * Spoken syllables: eighths (sixteenths in slow pieces), each a vowel gliding down in pitch
   * behind a consonant, in two-bar lines with a breath at the end of each.
   */
  private void speech(int bar) {
    double step = a.bpm() < 100 ? 0.25 : 0.5;
    double end = bar % 2 == 1 ? 3 : 4;
    for (double t = 0; t < end; t += step) {
      if (random.nextDouble() < 0.15) {
        continue;
      }
      int len = samples(step * 0.7);
      double pitch = 50 + a.key() % 5 + random.nextDouble(-1.5, 1.5);
      Instruments.voice(
          mix,
          at(bar, t),
          len,
          pitch,
          0.35,
          random.nextInt(5),
          random.nextDouble(1, 4),
          random.nextDouble() < 0.6,
          random);
    }
  }
}

package dev.stave.ingest.demo.audio;

import dev.stave.catalog.AudioFeatures;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How one demo piece is played, decided from its track's audio features: the measurable ones are
 * played as they are (tempo, key, mode, loudness), the others choose the arrangement, so that they
 * are heard:
 *
 * <ul>
 *   <li><b>acousticness</b> picks the instruments: piano, plucked guitar, upright bass, brushes or
 *       a light kit, bowed strings, more room (acoustic); pads, sawtooth bass, drum machine,
 *       distorted chords (electronic);
 *   <li><b>energy</b>: how hard and dense the drums are (no drums at all below a point), 16th hats,
 *       distortion, the pads' brightness;
 *   <li><b>danceability</b>: four-on-the-floor or a backbeat or a sparse pulse, offbeat chord
 *       stabs, a moving bass line;
 *   <li><b>valence</b>: the chord progression (bright or dark), the melody's register;
 *   <li><b>instrumentalness</b>, <b>speechiness</b>: a sung melody, or spoken syllables, or only
 *       instruments;
 *   <li><b>liveness</b>: a crowd under the music.
 * </ul>
 *
 * <p>Deterministic: the same features and seed give the same arrangement, so a regenerated file is
 * the same file.
 *
 * <p>Decision: {@link #of} builds it by name ({@link Builder}) rather than with twenty positional
 * arguments, eight of them doubles that would swap unnoticed. A hand-written builder: one
 * short-lived object per piece, next to seconds of synthesis.
 */
record Arrangement(
    double bpm,
    int key,
    int mode,
    double loudness,
    int bars,
    List<Integer> progression,
    Drums drums,
    Kick kick,
    int hatDivision,
    Chords chords,
    boolean electronicBass,
    boolean walkingBass,
    Melody melody,
    double brightness,
    double crowd,
    double room,
    double energy,
    double valence,
    double compression,
    long seed) {

  enum Drums {
    NONE,
    BRUSHES,
    KIT,
    MACHINE
  }

  enum Kick {
    ONE,
    ONE_AND_THREE,
    FOUR_ON_THE_FLOOR
  }

  enum Chords {
    PIANO,
    GUITAR,
    STRINGS,
    PAD,
    DRIVE
  }

  enum Melody {
    NONE,
    LEAD,
    FLUTE,
    VOICE,
    SPEECH
  }

  /** Roots (semitones above the key) of the chord progressions; the mode gives their quality. */
  private static final int[][] MAJOR_BRIGHT = {{0, 7, 9, 5}, {0, 5, 7, 0}, {0, 9, 5, 7}};

  private static final int[][] MAJOR_DARK = {{0, 5, 9, 7}, {0, 4, 5, 7}, {0, 9, 2, 7}};
  private static final int[][] MINOR_BRIGHT = {{0, 8, 3, 7}, {0, 5, 8, 7}, {0, 8, 5, 7}};
  private static final int[][] MINOR_DARK = {{0, 5, 7, 0}, {0, 5, 0, 7}, {0, 8, 5, 7}};

  /** Shortest and longest pieces, in seconds. */
  static final double MIN_SECONDS = 20;

  static final double MAX_SECONDS = 40;

  static Arrangement of(AudioFeatures f, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double tempo = value(f.tempo(), 110);
    double bpm = tempo <= 0 ? 100 : Math.max(45, Math.min(210, tempo));
    int key = f.key() == null || f.key() < 0 ? r.nextInt(12) : f.key();
    int mode = f.mode() == null ? 1 : f.mode();
    double loudness = Math.max(-30, Math.min(-2, value(f.loudness(), -9)));
    double acoustic = value(f.acousticness(), 0.3);
    double energy = value(f.energy(), 0.6);
    double dance = value(f.danceability(), 0.5);
    double valence = value(f.valence(), 0.5);
    double instrumental = value(f.instrumentalness(), 0.5);
    double speech = value(f.speechiness(), 0.05);
    double live = value(f.liveness(), 0.1);

    double bar = 240 / bpm;
    int bars = Math.max(4, (int) Math.round(30 / bar / 4) * 4);
    while (bars > 4 && bars * bar > MAX_SECONDS) {
      bars -= 4;
    }
    while (bars * bar < MIN_SECONDS) {
      bars += 4;
    }

    int[][] progressions =
        mode == 1
            ? (valence >= 0.45 ? MAJOR_BRIGHT : MAJOR_DARK)
            : (valence >= 0.45 ? MINOR_BRIGHT : MINOR_DARK);
    List<Integer> progression =
        Arrays.stream(progressions[r.nextInt(progressions.length)]).boxed().toList();

    Drums drums;
    if (speech >= 0.66) {
      drums = Drums.NONE; // mostly spoken (Spotify's reading of the scale): a voice over chords
    } else if (energy < 0.3 && dance < 0.5) {
      drums = Drums.NONE;
    } else if (acoustic >= 0.6) {
      drums = energy < 0.55 ? Drums.BRUSHES : Drums.KIT;
    } else if (acoustic < 0.3 && dance >= 0.55) {
      drums = Drums.MACHINE;
    } else {
      drums = Drums.KIT;
    }
    // Four on the floor only from 100 BPM: slower, its offbeat bass and chords read as double time,
    // so slow danceable pieces get a backbeat (as hip-hop and R&B have).
    Kick kick =
        dance >= 0.65 && bpm >= 100
            ? Kick.FOUR_ON_THE_FLOOR
            : dance >= 0.4 || energy >= 0.6 ? Kick.ONE_AND_THREE : Kick.ONE;
    // Hi-hat subdivision per beat: eighths in the middle; a slow piece with eighths would read
    // as double time and a fast one as half, so they get quarters.
    int hatDivision = bpm < 90 || bpm > 165 ? 1 : energy >= 0.8 && bpm < 120 ? 4 : 2;

    Chords chords;
    if (acoustic >= 0.6) {
      chords = energy < 0.35 ? Chords.STRINGS : r.nextBoolean() ? Chords.PIANO : Chords.GUITAR;
    } else if (acoustic >= 0.3) {
      chords = energy >= 0.7 ? Chords.GUITAR : Chords.PIANO;
    } else {
      chords = energy >= 0.75 && dance < 0.65 ? Chords.DRIVE : Chords.PAD;
    }

    Melody melody;
    if (speech >= 0.33) {
      melody = Melody.SPEECH;
    } else if (instrumental < 0.5) {
      melody = Melody.VOICE;
    } else if (energy >= 0.4) {
      melody = acoustic >= 0.5 ? Melody.FLUTE : Melody.LEAD;
    } else {
      melody = Melody.NONE;
    }

    return builder()
        .bpm(bpm)
        .key(key)
        .mode(mode)
        .loudness(loudness)
        .bars(bars)
        .progression(progression)
        .drums(drums)
        .kick(kick)
        .hatDivision(hatDivision)
        .chords(chords)
        .electronicBass(acoustic < 0.5)
        .walkingBass(dance >= 0.6 && acoustic >= 0.4)
        .melody(melody)
        .brightness(600 + 3400 * (0.6 * energy + 0.4 * valence))
        .crowd(live >= 0.5 ? 0.02 + 0.08 * (live - 0.5) : 0)
        .room(0.2 + 0.6 * acoustic)
        .energy(energy)
        .valence(valence)
        .compression(1 + 5 * (1 - acoustic))
        .seed(seed)
        .build();
  }

  double beatSeconds() {
    return 60 / bpm;
  }

  /** The length of the music, without the reverb's tail. */
  double seconds() {
    return bars * 4 * beatSeconds();
  }

  private static double value(Double v, double otherwise) {
    return v == null || v.isNaN() ? otherwise : v;
  }

  /** A builder with every component unset (null, 0, false): set each, by name. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Arrangement} by naming its components; unset ones keep Java's defaults. */
  static final class Builder {
    private double bpm;
    private int key;
    private int mode;
    private double loudness;
    private int bars;
    private List<Integer> progression;
    private Drums drums;
    private Kick kick;
    private int hatDivision;
    private Chords chords;
    private boolean electronicBass;
    private boolean walkingBass;
    private Melody melody;
    private double brightness;
    private double crowd;
    private double room;
    private double energy;
    private double valence;
    private double compression;
    private long seed;

    private Builder() {}

    Builder bpm(double bpm) {
      this.bpm = bpm;
      return this;
    }

    Builder key(int key) {
      this.key = key;
      return this;
    }

    Builder mode(int mode) {
      this.mode = mode;
      return this;
    }

    Builder loudness(double loudness) {
      this.loudness = loudness;
      return this;
    }

    Builder bars(int bars) {
      this.bars = bars;
      return this;
    }

    Builder progression(List<Integer> progression) {
      this.progression = progression;
      return this;
    }

    Builder drums(Drums drums) {
      this.drums = drums;
      return this;
    }

    Builder kick(Kick kick) {
      this.kick = kick;
      return this;
    }

    Builder hatDivision(int hatDivision) {
      this.hatDivision = hatDivision;
      return this;
    }

    Builder chords(Chords chords) {
      this.chords = chords;
      return this;
    }

    Builder electronicBass(boolean electronicBass) {
      this.electronicBass = electronicBass;
      return this;
    }

    Builder walkingBass(boolean walkingBass) {
      this.walkingBass = walkingBass;
      return this;
    }

    Builder melody(Melody melody) {
      this.melody = melody;
      return this;
    }

    Builder brightness(double brightness) {
      this.brightness = brightness;
      return this;
    }

    Builder crowd(double crowd) {
      this.crowd = crowd;
      return this;
    }

    Builder room(double room) {
      this.room = room;
      return this;
    }

    Builder energy(double energy) {
      this.energy = energy;
      return this;
    }

    Builder valence(double valence) {
      this.valence = valence;
      return this;
    }

    Builder compression(double compression) {
      this.compression = compression;
      return this;
    }

    Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    Arrangement build() {
      return new Arrangement(
          bpm,
          key,
          mode,
          loudness,
          bars,
          progression,
          drums,
          kick,
          hatDivision,
          chords,
          electronicBass,
          walkingBass,
          melody,
          brightness,
          crowd,
          room,
          energy,
          valence,
          compression,
          seed);
    }
  }
}

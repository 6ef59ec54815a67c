package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stave.audio.AudioException;
import dev.stave.audio.TestAudio;
import dev.stave.catalog.AudioFeatures;
import dev.stave.testsupport.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis on sounds of known character: tempo of click tracks, drum patterns and a band, key
 * and mode of chord progressions, loudness of a calibrated tone, and the heuristics ordered as
 * their definitions demand (speech is speechy, a plucked guitar acoustic, noise energetic…).
 */
class AudioAnalysisTest {
  @TempDir Path tmp;

  private static AudioFeatures features(float[] x) {
    return FeatureExtractor.analyze(Signal.ofMono(x, Synth.RATE)).features();
  }

  private static void assertTempo(float[] x, double bpm) {
    assertThat(features(x).tempo()).isCloseTo(bpm, within(bpm * 0.02));
  }

  @Test
  void tempoOfClicksDrumsAndABandWithinTwoPercent() {
    assertTempo(Synth.clicks(72, 20), 72);
    assertTempo(Synth.clicks(150, 20), 150);
    assertTempo(Synth.clicks(200, 20), 200);
    assertTempo(Synth.drums(96, 20, 1), 96);
    assertTempo(Synth.drums(140, 20, 2), 140);
    assertTempo(Synth.song(7, 1, 128, 20, 3), 128);
    assertTempo(Synth.song(2, 0, 170, 20, 4), 170);
  }

  @Test
  void noStableBeatIsTempoZero() {
    assertThat(features(Synth.sine(440, 10, 0.5)).tempo()).isZero();
    assertThat(features(Synth.whiteNoise(10, 0.3, 1)).tempo()).isZero();
    assertThat(features(new float[10 * Synth.RATE]).tempo()).isZero();
  }

  @Test
  void keyAndModeOfChordProgressions() {
    for (int[] km : new int[][] {{0, 1}, {9, 0}, {6, 0}, {3, 1}, {11, 1}, {1, 0}}) {
      AudioFeatures f = features(Synth.progression(km[0], km[1], 16, 1));
      assertThat(Synth.keyName(f.key(), f.mode()))
          .as("progression in " + Synth.keyName(km[0], km[1]))
          .isEqualTo(Synth.keyName(km[0], km[1]));
    }
  }

  @Test
  void noKeyInNoiseDrumsOrOnePitch() {
    assertThat(features(Synth.whiteNoise(10, 0.3, 2)).key()).isEqualTo(-1);
    assertThat(features(Synth.drums(120, 10, 3)).key()).isEqualTo(-1);
    assertThat(features(Synth.sine(440, 10, 0.5)).key()).isEqualTo(-1);
  }

  @Test
  void loudnessOfACalibratedToneAndOfSilence() {
    // BS.1770: a 997 Hz sine at full scale in one channel reads −3.01 LUFS; half scale is 6 dB
    // less.
    assertThat(features(Synth.sine(997, 5, 0.5)).loudness()).isCloseTo(-9.03, within(0.1));
    assertThat(features(Synth.sine(997, 5, 0.05)).loudness()).isCloseTo(-29.03, within(0.1));
    assertThat(features(new float[5 * Synth.RATE]).loudness()).isEqualTo(-60.0);
  }

  @Test
  void heuristicsOrderSoundsAsTheirDefinitionsSay() {
    AudioFeatures plucked = features(Synth.plucked(20, 1));
    AudioFeatures electric = features(Synth.electric(128, 20));
    assertThat(plucked.acousticness()).isGreaterThan(0.7);
    assertThat(electric.acousticness()).isLessThan(0.3);

    AudioFeatures noise = features(Synth.whiteNoise(20, 0.5, 2));
    AudioFeatures quietTone = features(Synth.sine(440, 20, 0.02));
    assertThat(noise.energy()).isGreaterThan(0.6);
    assertThat(quietTone.energy()).isLessThan(0.3);

    AudioFeatures band = features(Synth.song(7, 1, 120, 20, 5));
    assertThat(band.danceability()).isGreaterThan(0.7);
    assertThat(features(Synth.sine(440, 20, 0.5)).danceability()).isLessThan(0.2);

    AudioFeatures major = features(Synth.song(0, 1, 140, 20, 6));
    AudioFeatures minor = features(Synth.song(9, 0, 70, 20, 6));
    assertThat(major.valence()).isGreaterThan(minor.valence() + 0.2);

    float[] clean = Synth.song(2, 1, 110, 20, 7);
    float[] live = Synth.mix(clean, 1, Synth.whiteNoise(20, 0.05, 8), 1);
    assertThat(features(live).liveness()).isGreaterThan(features(clean).liveness() + 0.1);
    assertThat(band.instrumentalness()).isGreaterThan(0.5);
    assertThat(band.speechiness()).isLessThan(0.33);
  }

  @Test
  void speechIsSpeechyAndNotInstrumental() throws Exception {
    String why = SpeechClip.unavailable();
    RequiredTool.require(why);
    Path wav = SpeechClip.write(tmp.resolve("speech.wav"), "en", SpeechClip.TEXT);
    AudioFeatures speech =
        new AudioAnalyzer(TestAudio.ffmpeg()).analyze(wav, null, null).features();
    assertThat(speech.speechiness()).isGreaterThan(0.66);
    assertThat(speech.instrumentalness()).isLessThan(0.5);
  }

  @Test
  void sameSamplesSameFeatures() {
    float[] x = Synth.song(4, 0, 100, 12, 9);
    Analysis a = FeatureExtractor.analyze(Signal.ofMono(x, Synth.RATE));
    Analysis b = FeatureExtractor.analyze(Signal.ofMono(x.clone(), Synth.RATE));
    assertThat(a.features()).isEqualTo(b.features());
    assertThat(a.seconds()).isCloseTo(12, within(0.01));
  }

  @Test
  void decodesWithFfmpegCutsAtTheLimitAndMeasuresMonoAndStereoAsEbur128Does() throws Exception {
    Path mono = Synth.wav(tmp.resolve("tone.wav"), Synth.sine(997, 40, 0.5));
    Path mp3 = tmp.resolve("tone.mp3");
    TestAudio.ffmpeg()
        .run(List.of("-i", "file:" + mono, "-ac", "2", "-c:a", "libmp3lame", "file:" + mp3));
    AudioAnalyzer analyzer = new AudioAnalyzer(TestAudio.ffmpeg());
    Analysis wav = analyzer.analyze(mono, AudioSignature.WAV, AudioAnalyzer.UPLOAD_LIMIT);
    assertThat(wav.seconds()).isCloseTo(30, within(0.01));
    assertThat(wav.features().loudness()).isCloseTo(-9.03, within(0.1));
    // Stereo: the power of both channels counts (+3 dB for the same tone in each).
    Path stereo = tmp.resolve("stereo.wav");
    TestAudio.ffmpeg()
        .run(List.of("-i", "file:" + mono, "-af", "pan=stereo|c0=c0|c1=c0", "file:" + stereo));
    Analysis both = analyzer.analyze(stereo, null, null);
    assertThat(both.features().loudness()).as(both.cues()).isCloseTo(-6.03, within(0.15));
    assertThat(analyzer.analyze(mp3, AudioSignature.MP3, null).seconds())
        .isCloseTo(40, within(0.1));
  }

  @Test
  void undecodableAndEmptyFilesAreAudioExceptions() throws Exception {
    Path junk = Files.write(tmp.resolve("junk.mp3"), new byte[] {'I', 'D', '3', 1, 2, 3, 4});
    AudioAnalyzer analyzer = new AudioAnalyzer(TestAudio.ffmpeg());
    assertThatThrownBy(() -> analyzer.analyze(junk, AudioSignature.MP3, null))
        .isInstanceOf(AudioException.class);
    Path empty = Synth.wav(tmp.resolve("empty.wav"), new float[0]);
    assertThatThrownBy(() -> analyzer.analyze(empty, null, null))
        .isInstanceOf(AudioException.class);
  }
}

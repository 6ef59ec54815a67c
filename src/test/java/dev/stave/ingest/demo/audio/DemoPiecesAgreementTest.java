package dev.stave.ingest.demo.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.analysis.AudioAnalyzer;
import dev.stave.audio.TestAudio;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.Track;
import dev.stave.ingest.demo.DemoGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is heard agrees with the catalog: demo pieces made for tracks of the catalog {@code serve}
 * seeds, analysed by Stave's own analysis as {@code stave analyze} would, read back the tempo, key,
 * mode and loudness of their tracks' features. A handful of tracks spread over the tempo range (the
 * full share is measured by {@code bench/demo-audio.sh}); {@code -Dstave.demo-audio.sample=N} takes
 * more.
 */
class DemoPiecesAgreementTest {
  @TempDir Path dir;

  record Outcome(Track track, AudioFeatures heard) {
    boolean tempoExact() {
      return Math.abs(heard.tempo() / expectedTempo() - 1) <= 0.04;
    }

    double expectedTempo() {
      return Arrangement.of(track.features(), track.id()).bpm();
    }

    boolean keyExact() {
      return heard.key().equals(track.features().key())
          && heard.mode().equals(track.features().mode());
    }

    double loudnessError() {
      return heard.loudness() - Math.max(-30, Math.min(-2, track.features().loudness()));
    }
  }

  private static Track max(List<Track> tracks, ToDoubleFunction<AudioFeatures> feature) {
    return tracks.stream()
        .max(Comparator.comparingDouble(t -> feature.applyAsDouble(t.features())))
        .orElseThrow();
  }

  @Test
  void analysisReadsBackTempoKeyModeAndLoudness() {
    int sample = Integer.getInteger("stave.demo-audio.sample", 6);
    DemoPieces pieces = new DemoPieces(TestAudio.ffmpeg());
    AudioAnalyzer analyzer = new AudioAnalyzer(TestAudio.ffmpeg());
    List<Track> tracks = new ArrayList<>(new DemoGenerator(2_000, 42).batch(0).tracks());
    tracks.sort(Comparator.comparingDouble(t -> t.features().tempo()));
    // Spread over the tempo range, plus the most spoken, the quietest-energy and the most
    // acoustic track (other arrangements: spoken syllables, no drums, strings and piano).
    List<Track> chosen = new ArrayList<>();
    chosen.add(max(tracks, f -> f.speechiness()));
    chosen.add(max(tracks, f -> -f.energy()));
    chosen.add(max(tracks, f -> f.acousticness() - f.energy()));
    for (int i = 0; i < sample - 3; i++) {
      chosen.add(tracks.get((int) ((i + 0.5) * tracks.size() / (sample - 3))));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Track t : chosen) {
      Path file = dir.resolve(t.id() + ".mp3");
      pieces.write(t.features(), t.id(), Map.of("title", t.name()), file);
      outcomes.add(new Outcome(t, analyzer.analyze(file, null, null).features()));
    }
    for (Outcome o : outcomes) {
      AudioFeatures f = o.track().features();
      AudioFeatures h = o.heard();
      System.out.printf(
          Locale.ROOT,
          "track %5d  tempo %6.1f → %6.1f  key %2d/%d → %2d/%d  loud %6.1f → %6.1f  energy %.2f→%.2f"
              + "  dance %.2f→%.2f  acoustic %.2f→%.2f  instr %.2f→%.2f  speech %.2f→%.2f"
              + "  valence %.2f→%.2f  %s%n",
          o.track().id(),
          o.expectedTempo(),
          h.tempo(),
          f.key(),
          f.mode(),
          h.key(),
          h.mode(),
          f.loudness(),
          h.loudness(),
          f.energy(),
          h.energy(),
          f.danceability(),
          h.danceability(),
          f.acousticness(),
          h.acousticness(),
          f.instrumentalness(),
          h.instrumentalness(),
          f.speechiness(),
          h.speechiness(),
          f.valence(),
          h.valence(),
          Arrangement.of(f, o.track().id()));
    }
    long tempo = outcomes.stream().filter(Outcome::tempoExact).count();
    long key = outcomes.stream().filter(Outcome::keyExact).count();
    long loud = outcomes.stream().filter(o -> Math.abs(o.loudnessError()) <= 1.0).count();
    System.out.printf(
        Locale.ROOT,
        "%d pieces: tempo within 4 %% %d, key and mode exact %d, loudness within 1 dB %d%n",
        outcomes.size(),
        tempo,
        key,
        loud);
    assertThat(tempo).isGreaterThanOrEqualTo(sample * 2 / 3);
    assertThat(key).isGreaterThanOrEqualTo(sample * 2 / 3);
    assertThat(loud).isGreaterThanOrEqualTo(sample * 2 / 3);
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Track;
import dev.stave.ingest.scan.LibraryScanner;
import dev.stave.ingest.scan.ScanReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Waveform peaks: computed by the scan once per content, stored, and served as Jamendo's {@code
 * waveform} string by {@code /v3.0/tracks}.
 */
class WaveformTest extends AudioHttpTest {
  @Autowired AppRegistry apps;
  @Autowired JdbcTemplate jdbc;

  /** Float PCM of {@code n} samples of {@code value}, little-endian. */
  private static byte[] pcm(int n, float value) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putFloat(value);
    }
    return b.array();
  }

  @Test
  void peaksFollowTheLoudestSampleOfEachSlice() {
    Waveforms.PeakSink sink = new Waveforms.PeakSink();
    byte[] silence = pcm(8000, 0f);
    byte[] loud = pcm(8000, -1.25f);
    // One byte at a time across the boundary: a sample split between writes stays one sample.
    sink.write(silence, 0, silence.length - 1);
    sink.write(silence[silence.length - 1]);
    sink.write(loud, 0, 3);
    sink.write(loud, 3, loud.length - 3);
    int[] peaks = sink.peaks(10);
    assertThat(peaks).containsExactly(0, 0, 0, 0, 0, 100, 100, 100, 100, 100);
    int[] half = new Waveforms.PeakSink().peaks(4);
    assertThat(half).containsExactly(0, 0, 0, 0);
    Waveforms.PeakSink quiet = new Waveforms.PeakSink();
    byte[] q = pcm(100, 0.5f);
    quiet.write(q, 0, q.length);
    assertThat(quiet.peaks(Waveforms.PEAKS)).hasSize(Waveforms.PEAKS).containsOnly(50);
    assertThat(Waveforms.json(new int[] {0, 7, 100})).isEqualTo("{\"peaks\":[0,7,100]}");

    // One write longer than the sink's bulk buffer, offset by a byte: a single negative sample
    // past that buffer's end lands in its own peak, and its sign does not matter.
    int n = 64 * 1000;
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(1 + 4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0);
    for (int i = 0; i < n; i++) {
      b.putFloat(i == 20_000 ? -0.37f : 0.01f);
    }
    Waveforms.PeakSink one = new Waveforms.PeakSink();
    one.write(b.array(), 1, 4 * n);
    int[] hundred = one.peaks(100); // 640 samples each: the loud one is in peak 31
    assertThat(hundred[31]).isEqualTo(37);
    assertThat(Arrays.stream(hundred).filter(p -> p != 1).count()).isEqualTo(1);
  }

  @Test
  void theScanComputesPeaksThatTracksServeAsAString() throws Exception {
    Path music = tmp.resolve("music");
    // One second of silence, then one second of a sine at 0.9 of full scale, in both channels: the
    // mono mix is (L + R) / 2, so it peaks at 90 (a mix taking each channel at 0.707 reads 100).
    TestAudio.write(
        music.resolve("Ana/Album/01 Half.flac"),
        "aevalsrc=exprs='if(gte(t,1),0.9*sin(2*PI*440*t),0)|if(gte(t,1),0.9*sin(2*PI*440*t),0)'"
            + ":d=2:s=44100",
        Map.of("title", "Half", "artist", "Ana"),
        null);
    Map<String, Track> byName = scanByName(music);
    long id = byName.get("Half").id();

    String client = apps.create("waveform test").clientId();
    JsonNode answer = json.readTree(get("/v3.0/tracks/?client_id=" + client + "&id=" + id).body());
    JsonNode waveform = answer.get("results").get(0).get("waveform");
    assertThat(waveform.isString()).isTrue();
    int[] peaks = peaks(waveform.asString());
    assertThat(peaks).hasSize(Waveforms.PEAKS);
    int mid = Waveforms.PEAKS / 2;
    assertThat(Arrays.copyOfRange(peaks, 0, mid - 10)).containsOnly(0);
    assertThat(Arrays.stream(peaks, mid + 10, Waveforms.PEAKS).boxed().toList())
        .allSatisfy(p -> assertThat(p).isBetween(85, 92));

    // Content scanned before waveforms existed gets them from the next scan, once.
    jdbc.update("DELETE FROM audio_waveforms");
    ScanReport again = scanner.scan(List.of(music), LibraryScanner.Options.defaults());
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.waveforms()).isEqualTo(1);
    assertThat(scanner.scan(List.of(music), LibraryScanner.Options.defaults()).waveforms())
        .isZero();
    assertThat(files.waveforms(List.of(id)).get(id)).isEqualTo(waveform.asString());
  }

  private int[] peaks(String text) throws Exception {
    JsonNode node = json.readTree(text.getBytes(StandardCharsets.UTF_8)).get("peaks");
    int[] out = new int[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asInt();
    }
    return out;
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code /audio/radio/{id}}: one endless stream of MPEG frames over the radio's programme. */
class RadioStreamTest extends AudioHttpTest {
  @Test
  void aRadioPlaysItsProgrammeAsOneMp3Stream() throws Exception {
    Path music = tmp.resolve("music");
    for (int i = 1; i <= 3; i++) {
      TestAudio.write(
          music.resolve("Ana/Album/0" + i + " Song.mp3"),
          TestAudio.tone(1.5, 220 * i),
          Map.of("title", "Song " + i, "artist", "Ana", "album", "Album"),
          null);
    }
    scanByName(music);
    store.write(
        EditorialTables.RADIOS,
        List.of(
            new Radio(31, "all", "All", "www", null, List.of()),
            new Radio(32, "polka", "Polka", "www", null, List.of("polka"))));

    // About five seconds of 128 kbps audio: more than three of the 1.5 s tracks, all of it
    // inside the first burst.
    int wanted = 5 * 16_000;
    byte[] body;
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/audio/radio/31"))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(header(r, "Content-Type")).isEqualTo("audio/mpeg");
      assertThat(header(r, "Content-Length")).isNull();
      body = in.readNBytes(wanted);
    }
    assertThat(body).hasSize(wanted);
    assertThat(Mp3Frames.isHeader(body[0], body[1], body[2])).as("starts on a frame").isTrue();
    assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("ID3", "TAG");
    Path received = Files.write(tmp.resolve("radio.mp3"), body);
    AtomicLong samples = new AtomicLong();
    TestAudio.ffmpeg()
        .decodeMono(
            received,
            8000,
            new OutputStream() {
              @Override
              public void write(int b) {
                samples.incrementAndGet();
              }

              @Override
              public void write(byte[] b, int off, int len) {
                samples.addAndGet(len);
              }
            });
    double seconds = samples.get() / 2 / 8000.0;
    assertThat(seconds).as("decoded seconds").isGreaterThan(4.5);

    assertThat(get("/audio/radio/32").statusCode()).isEqualTo(404);
    assertThat(get("/audio/radio/999").statusCode()).isEqualTo(404);
  }

  @Test
  void framesAreFoundAfterTagsAndAtAnyOffset() throws Exception {
    Path mp3 =
        TestAudio.write(
            tmp.resolve("tagged/t.mp3"), TestAudio.tone(1, 440), Map.of("title", "T"), null);
    byte[] all = Files.readAllBytes(mp3);
    long[] range = Mp3Frames.audioRange(mp3);
    assertThat(new String(all, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
    assertThat(range[0]).isGreaterThan(10);
    int start = (int) range[0];
    assertThat(Mp3Frames.isHeader(all[start], all[start + 1], all[start + 2])).isTrue();
    long middle = Mp3Frames.nextFrame(mp3, all.length / 2, range[1]);
    assertThat(middle).isBetween((long) all.length / 2, range[1] - 1);
    int m = (int) middle;
    assertThat(Mp3Frames.isHeader(all[m], all[m + 1], all[m + 2])).isTrue();
  }
}

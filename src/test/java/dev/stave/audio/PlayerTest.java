package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Track;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A standard player against the URLs of a Jamendo {@code tracks} answer: ffmpeg's own HTTP client
 * (what ffplay uses) fetches the signed {@code audio} and {@code audiodownload} URLs of every
 * format and decodes them to the end, and seeks (Range requests) into them; mpv too when it is
 * installed.
 */
class PlayerTest extends AudioHttpTest {
  private static final int RATE = 8000;
  private static final double SECONDS = 5;

  @Autowired AppRegistry apps;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyFormatPlaysToTheEndAndSeeksFromItsUrls() throws Exception {
    Path music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/Album/01 Flac.flac"),
        TestAudio.tone(SECONDS, 440),
        Map.of("title", "Flac", "artist", "Ana", "album", "Album"),
        null);
    TestAudio.write(
        music.resolve("Ana/Album/02 Mp3.mp3"),
        TestAudio.tone(SECONDS, 330),
        Map.of("title", "Mp3", "artist", "Ana", "album", "Album"),
        null);
    Map<String, Track> tracks = scanByName(music);
    String client = apps.create("player test").clientId();
    List<String> mpvUrls = new ArrayList<>();
    for (Track track : tracks.values()) {
      for (AudioFormat format : AudioFormat.values()) {
        JsonNode t =
            json.readTree(
                    get("/v3.0/tracks/?client_id="
                            + client
                            + "&id="
                            + track.id()
                            + "&audioformat="
                            + format.wireName()
                            + "&audiodlformat="
                            + format.wireName())
                        .body())
                .get("results")
                .get(0);
        for (String field : List.of("audio", "audiodownload")) {
          String url = t.get(field).asString();
          assertThat(url).startsWith("http://127.0.0.1:" + port + "/audio/track/").contains("sig=");
          String what = track.name() + " " + format.wireName() + " " + field;
          assertThat(decodedSeconds(url, 0)).as(what).isCloseTo(SECONDS, within());
          assertThat(decodedSeconds(url, 3))
              .as(what + " from 3 s")
              .isCloseTo(SECONDS - 3, within());
          mpvUrls.add(url);
        }
      }
    }
    assertThat(mpvUrls).hasSize(16);
    playWithMpv(mpvUrls);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.15);
  }

  /**
   * Decodes {@code url} from {@code seek} seconds with the ffmpeg executable Stave uses, as a
   * player would (http allowed for this run only), and returns the seconds of audio it produced.
   */
  private double decodedSeconds(String url, double seek) throws Exception {
    FfmpegLocator.Executables exe =
        FfmpegLocator.locate(null, null, FfmpegLocator.defaultCacheRoot());
    Path out = Files.createTempFile(tmp, "decoded", ".raw");
    List<String> cmd =
        new ArrayList<>(List.of(exe.ffmpeg().toString(), "-hide_banner", "-nostdin"));
    cmd.addAll(List.of("-loglevel", "error", "-y", "-protocol_whitelist", "http,tcp"));
    if (seek > 0) {
      cmd.addAll(List.of("-ss", Double.toString(seek)));
    }
    cmd.addAll(List.of("-i", url, "-ac", "1", "-ar", Integer.toString(RATE), "-f", "s16le"));
    cmd.add("file:" + out);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (exe.origin().startsWith("org.bytedeco")) {
      pb.environment().put("LD_LIBRARY_PATH", exe.ffmpeg().getParent().toString());
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(url + ": " + output).isZero();
    return Files.size(out) / 2.0 / RATE;
  }

  /** mpv, when installed, plays two seconds of each URL without a sound card. */
  private static void playWithMpv(List<String> urls) throws Exception {
    if (FfmpegLocator.onPath("mpv").isEmpty()) {
      System.out.println("PlayerTest: mpv is not installed; only ffmpeg played the URLs");
      return;
    }
    for (String url : urls) {
      Process p =
          new ProcessBuilder(
                  "mpv",
                  "--no-config",
                  "--no-video",
                  "--ao=null",
                  "--length=2",
                  "--really-quiet",
                  url)
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as("mpv " + url + ": " + output).isZero();
    }
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Track;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A standard player against the URLs of a Jamendo {@code tracks} answer: ffmpeg's own HTTP client
 * (what ffplay uses) fetches the signed {@code audio} and {@code audiodownload} URLs of every
 * format and decodes them to the end, and seeks (Range requests) into them; mpv too when it is
 * installed.
 */
class PlayerTest extends AudioHttpTest {
  private static final double SECONDS = 5;

  @Autowired AppRegistry apps;

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
        JsonNode t = jamendoTrack(client, track.id(), format);
        for (String field : List.of("audio", "audiodownload")) {
          String url = t.get(field).asString();
          assertThat(url).startsWith("http://127.0.0.1:" + port + "/audio/track/").contains("sig=");
          String what = track.name() + " " + format.wireName() + " " + field;
          assertThat(Players.decodedSeconds(url, 0, tmp))
              .as(what)
              .isCloseTo(SECONDS, Players.WITHIN);
          assertThat(Players.decodedSeconds(url, 3, tmp))
              .as(what + " from 3 s")
              .isCloseTo(SECONDS - 3, Players.WITHIN);
          mpvUrls.add(url);
        }
      }
    }
    assertThat(mpvUrls).hasSize(16);
    Players.playWithMpv(mpvUrls);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.15);
  }
}

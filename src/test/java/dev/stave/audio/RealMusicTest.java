package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Track;
import dev.stave.ingest.scan.LibraryScanner;
import dev.stave.ingest.scan.ScanReport;
import dev.stave.testsupport.RequiredTool;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Real recordings: Debian's {@code singularity-music} (16 Ogg Vorbis tracks, about 50 MB), fetched
 * by {@code scripts/fetch-test-music.sh} into {@code $STAVE_TEST_MUSIC} or {@code
 * ~/.cache/stave/test-music}. Scans them, streams one in every format, finds it through both
 * dialects and plays its URLs as a player would. Skipped, with the reason printed, when the files
 * are not there.
 */
public class RealMusicTest extends AudioHttpTest {
  public static Path folder() {
    String env = System.getenv("STAVE_TEST_MUSIC");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base =
        cache == null || cache.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache")
            : Path.of(cache);
    return base.resolve("stave/test-music");
  }

  /** Before the server starts: without the files there is nothing to start it for. */
  @BeforeAll
  static void recordingsPresent() {
    Path music = folder();
    RequiredTool.require(
        Files.isRegularFile(music.resolve(".complete"))
            ? null
            : "no real recordings in " + music + "; run scripts/fetch-test-music.sh");
  }

  @Autowired AppRegistry apps;

  @Test
  void scansRealRecordingsAndStreamsOneInEveryFormat() throws Exception {
    Path music = folder();
    long files;
    try (var s = Files.list(music)) {
      files = s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }

    Map<String, Track> byName = scanByName(music);
    ScanReport rescan = scanner.scan(List.of(music), LibraryScanner.Options.defaults());
    assertThat(rescan.seen()).isEqualTo(files);
    assertThat(rescan.unchanged()).isEqualTo(files);
    assertThat(rescan.unreadable()).isZero();
    assertThat(byName).hasSize((int) files);
    assertThat(byName.values()).allSatisfy(t -> assertThat(t.durationMs()).isPositive());

    Track shortest =
        byName.values().stream().min(Comparator.comparingLong(Track::durationMs)).orElseThrow();
    String waveform = this.files.waveforms(List.of(shortest.id())).get(shortest.id());
    assertThat(waveform).startsWith("{\"peaks\":[").matches(".*[1-9][0-9]?,.*");

    Map<String, String> codecs =
        Map.of("mp31", "mp3", "mp32", "mp3", "ogg", "vorbis", "flac", "flac");
    for (Map.Entry<String, String> format : codecs.entrySet()) {
      String url = signed("/audio/track/" + shortest.id() + "/" + format.getKey());
      assertThat(get(url).statusCode()).as(format.getKey()).isEqualTo(200);
      // The first answer streams the rendition while ffmpeg makes it (a pipe: no Xing frame, no
      // FLAC sample count yet); the cached file that follows has its header completed, and its
      // duration is what a player reads from it.
      HttpResponse<byte[]> r = Players.cachedRendition(() -> get(url));
      assertThat(r.statusCode()).as(format.getKey()).isEqualTo(200);
      Path got = Files.write(tmp.resolve("real." + format.getKey()), r.body());
      String probe = TestAudio.ffmpeg().probeJson(got);
      assertThat(probe)
          .as(format.getKey())
          .contains("\"codec_name\": \"" + format.getValue() + "\"");
      AudioProbe p = AudioProbe.parse(probe);
      assertThat(Math.abs(p.durationMs() - shortest.durationMs()))
          .as(format.getKey() + " duration")
          .isLessThan(1500);
    }
    browsedAndPlayedThroughBothDialects(shortest);
  }

  /**
   * The scanned recording as clients see it: found by name through the Jamendo dialect, looked up
   * through the ReccoBeats dialect, and its {@code audio} and {@code audiodownload} URLs in every
   * format played to the end by a player fetching them over HTTP.
   */
  private void browsedAndPlayedThroughBothDialects(Track track) throws Exception {
    String client = apps.create("real music test").clientId();
    JsonNode found =
        json.readTree(
            get("/v3.0/tracks/?client_id="
                    + client
                    + "&type=single+albumtrack&namesearch="
                    + URLEncoder.encode(track.name(), StandardCharsets.UTF_8))
                .body());
    assertThat(found.get("results").valueStream().map(t -> t.get("id").asString()))
        .contains(Long.toString(track.id()));

    JsonNode recco = json.readTree(get("/v1/track/" + track.uuid()).body());
    assertThat(recco.get("trackTitle").asString()).isEqualTo(track.name());

    double seconds = track.durationMs() / 1000.0;
    List<String> urls = new ArrayList<>();
    for (AudioFormat format : AudioFormat.values()) {
      JsonNode t = jamendoTrack(client, track.id(), format);
      for (String field : List.of("audio", "audiodownload")) {
        String url = t.get(field).asString();
        assertThat(Players.decodedSeconds(url, 0, tmp))
            .as(format.wireName() + " " + field)
            .isCloseTo(seconds, Offset.offset(0.5));
        urls.add(url);
      }
    }
    Players.playWithMpv(urls);
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a crashed server left in the transcode cache: {@code .part} and {@code .part.complete} files
 * (and the cover cache's {@code .part} files) are deleted when the next server starts on the data
 * directory (cached renditions and pictures stay), and the rendition is then made and served as
 * usual; a second process starting on the data directory of a live server (a CLI command) deletes
 * nothing that server may be writing.
 */
class CacheLeftoversTest extends AudioHttpTest {
  private static final String HASH = "0123456789abcdef0123456789abcdef";

  private static Path cacheDir() {
    return tmp.resolve("data/cache/audio");
  }

  /** Before the server starts: what a process killed in the middle of two transcodes leaves. */
  @DynamicPropertySource
  static void leftoversOfACrash(DynamicPropertyRegistry registry) {
    try {
      Files.createDirectories(cacheDir());
      String run = HASH + "-mp32.mp3." + UUID.randomUUID();
      Files.write(cacheDir().resolve(run + ".part"), new byte[4096]);
      Files.write(cacheDir().resolve(run + ".part.complete"), new byte[1024]);
      Files.write(
          cacheDir().resolve(HASH + "-ogg.ogg." + UUID.randomUUID() + ".part"), new byte[512]);
      Files.write(cacheDir().resolve(HASH + "-mp31.mp3"), new byte[2048]);
      Path images = Files.createDirectories(tmp.resolve("data/cache/images"));
      Files.write(images.resolve(HASH + "-300.jpg." + UUID.randomUUID() + ".part"), new byte[64]);
      Files.write(images.resolve(HASH + "-100.jpg"), new byte[64]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> cached() throws IOException {
    try (Stream<Path> s = Files.list(cacheDir())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void leftoversAreGoneAfterStartAndTheRenditionIsServed() throws Exception {
    assertThat(cached()).containsExactly(HASH + "-mp31.mp3");
    try (Stream<Path> s = Files.list(tmp.resolve("data/cache/images"))) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly(HASH + "-100.jpg");
    }

    Path music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/Left/01 Tone.flac"),
        TestAudio.tone(3, 440),
        Map.of("title", "Tone", "artist", "Ana", "album", "Left"),
        null);
    long track = scanByName(music).get("Tone").id();
    HttpResponse<byte[]> r =
        Players.cachedRendition(() -> get(signed("/audio/track/" + track + "/mp32")));
    assertThat(r.statusCode()).isEqualTo(200);
    String rendition = files.forTrack(track).orElseThrow().contentHash() + "-mp32.mp3";
    assertThat(cached()).containsExactlyInAnyOrder(HASH + "-mp31.mp3", rendition);
    assertThat(r.body()).isEqualTo(Files.readAllBytes(cacheDir().resolve(rendition)));
    assertThat(TestAudio.ffmpeg().probeJson(cacheDir().resolve(rendition)))
        .contains("\"codec_name\": \"mp3\"");
  }

  @Test
  void aSecondProcessOnTheDataDirectoryOfALiveServerDeletesNothingItWrites() throws Exception {
    // Stands for a transcode this server is making right now.
    Path writing = cacheDir().resolve(HASH + "-flac.flac." + UUID.randomUUID() + ".part");
    Files.write(writing, new byte[256]);
    try (StaveProcess cli =
        StaveProcess.start(tmp, "apps", "list", "--data", tmp.resolve("data").toString())) {
      assertThat(cli.waitFor(Duration.ofSeconds(60))).as(cli.output()).isZero();
    } finally {
      assertThat(writing).exists();
      Files.delete(writing);
    }
  }
}

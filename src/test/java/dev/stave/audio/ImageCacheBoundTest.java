package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The resized-cover cache under a small {@code stave.audio.image-cache-size}, over HTTP: it stays
 * within the bound (beyond it only by the picture just made), least recently served first out, and
 * an evicted size is made again, the same picture.
 */
class ImageCacheBoundTest extends AudioHttpTest {
  private static final long BOUND = 20_000;

  @DynamicPropertySource
  static void smallImageCache(DynamicPropertyRegistry registry) {
    registry.add("stave.audio.image-cache-size", () -> BOUND + "B");
  }

  private static Path cacheDir() {
    return tmp.resolve("data/cache/images");
  }

  private static List<Path> cached() throws Exception {
    try (Stream<Path> s = Files.list(cacheDir())) {
      return s.toList();
    }
  }

  private static long bytes(List<Path> files) throws Exception {
    long total = 0;
    for (Path p : files) {
      total += Files.size(p);
    }
    return total;
  }

  private static boolean has(int width) throws Exception {
    return cached().stream()
        .anyMatch(p -> p.getFileName().toString().endsWith("-" + width + ".jpg"));
  }

  @Test
  void theImageCacheStaysWithinItsBoundAndRemakesWhatItEvicted() throws Exception {
    // A detailed picture (a test pattern), so that large widths make large JPEGs.
    Path pattern = tmp.resolve("pattern.jpg");
    TestAudio.ffmpeg()
        .run(
            List.of("-f", "lavfi", "-i", "testsrc=s=640x640", "-frames:v", "1", "file:" + pattern));
    Path music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/Pattern/01 One.mp3"),
        TestAudio.tone(1, 440),
        Map.of("artist", "Ana", "album", "Pattern", "title", "One"),
        pattern);
    long album = scanByName(music).get("One").albumId();
    String url = "/images/album/" + album + "?width=";

    List<byte[]> first = new ArrayList<>();
    int[] widths = {600, 500, 400, 300, 200, 100};
    for (int w : widths) {
      HttpResponse<byte[]> r = get(url + w);
      assertThat(r.statusCode()).isEqualTo(200);
      first.add(r.body());
      List<Path> files = cached();
      assertThat(bytes(files))
          .as("cache after width %d", w)
          .isLessThanOrEqualTo(Math.max(BOUND, r.body().length));
    }
    assertThat(first.get(0).length).isGreaterThan((int) BOUND); // 600 px alone is over the bound
    assertThat(has(600)).isFalse();
    assertThat(has(100)).isTrue();

    HttpResponse<byte[]> again = get(url + 600);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.get(0));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(again.body()));
    assertThat(img.getWidth()).isEqualTo(600);
    assertThat(has(600)).isTrue();
    // Made again, the 600 px picture pushed every other size out (it alone exceeds the bound).
    assertThat(cached()).hasSize(1);
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Track;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /images/{kind}/{id}} over HTTP: embedded pictures, folder and artist images, the neutral
 * image, width snapping, the disk cache, ETag and Cache-Control.
 */
class CoverImageTest extends AudioHttpTest {
  private static Map<String, Track> byName;

  @BeforeEach
  void library() throws Exception {
    if (byName != null) {
      return;
    }
    Path music = tmp.resolve("music");
    Path red =
        TestAudio.cover(Files.createDirectories(tmp.resolve("img")).resolve("red.jpg"), "red");
    // Red: embedded in the second track only; the first has none and takes the album's.
    Map<String, String> ana = Map.of("artist", "Ana", "album", "Red");
    TestAudio.write(music.resolve("Ana/Red/01 Bare.mp3"), TestAudio.tone(1, 440), ana, null);
    TestAudio.write(music.resolve("Ana/Red/02 Pictured.mp3"), TestAudio.tone(1, 440), ana, red);
    // Blue: no embedded picture, a folder.jpg beside the files; Ana has an artist.png.
    TestAudio.write(
        music.resolve("Ana/Blue/01 Sea.flac"),
        TestAudio.tone(1, 330),
        Map.of("artist", "Ana", "album", "Blue"),
        null);
    TestAudio.cover(music.resolve("Ana/Blue/Folder.JPG"), "blue");
    TestAudio.cover(music.resolve("Ana/artist.png"), "lime");
    // Bo: nothing at all.
    TestAudio.write(
        music.resolve("Bo/Grey/01 Fog.ogg"),
        TestAudio.tone(1, 220),
        Map.of("artist", "Bo", "album", "Grey"),
        null);
    byName = scanByName(music);
  }

  private static BufferedImage decode(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(200);
    return ImageIO.read(new ByteArrayInputStream(r.body()));
  }

  /** The colour in the middle of the image, as 0xRRGGBB. */
  private static int middle(BufferedImage img) {
    return img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xFFFFFF;
  }

  private static void assertColour(BufferedImage img, int r, int g, int b) {
    int rgb = middle(img);
    assertThat(new int[] {rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF})
        .as("colour %06x", rgb)
        .satisfies(c -> assertThat(Math.abs(c[0] - r)).isLessThan(40))
        .satisfies(c -> assertThat(Math.abs(c[1] - g)).isLessThan(40))
        .satisfies(c -> assertThat(Math.abs(c[2] - b)).isLessThan(40));
  }

  private long album(String track) {
    return byName.get(track).albumId();
  }

  @Test
  void anEmbeddedPictureIsResizedOncePerAllowedWidth() throws Exception {
    String url = "/images/album/" + album("Pictured") + "?width=";
    HttpResponse<byte[]> r = get(url + "50");
    assertThat(header(r, "Content-Type")).isEqualTo("image/jpeg");
    assertThat(header(r, "Cache-Control")).isEqualTo("max-age=86400, public");
    BufferedImage img = decode(r);
    assertThat(img.getWidth()).isEqualTo(50);
    assertThat(img.getHeight()).isEqualTo(50);
    assertColour(img, 255, 0, 0);
    // 47 snaps to 50: the same image, not a new one.
    HttpResponse<byte[]> snapped = get(url + "47");
    assertThat(header(snapped, "ETag")).isEqualTo(header(r, "ETag"));
    assertThat(snapped.body()).isEqualTo(r.body());
    assertThat(decode(get(url + "5000")).getWidth()).isEqualTo(600);
    assertThat(decode(get("/images/album/" + album("Pictured"))).getWidth()).isEqualTo(300);
    assertThat(get(url + "50", "If-None-Match", header(r, "ETag")).statusCode()).isEqualTo(304);
    Path cache = tmp.resolve("data/cache/images");
    try (Stream<Path> s = Files.list(cache)) {
      assertThat(s.filter(p -> p.toString().endsWith("-50.jpg")).count()).isEqualTo(1);
    }
  }

  @Test
  void aTrackWithoutItsOwnPictureShowsItsAlbumsAndFolderImagesCount() throws Exception {
    assertColour(decode(get("/images/track/" + byName.get("Bare").id() + "?width=100")), 255, 0, 0);
    BufferedImage blue = decode(get("/images/album/" + album("Sea") + "?width=100"));
    assertThat(blue.getWidth()).isEqualTo(100);
    assertColour(blue, 0, 0, 255);
    assertColour(decode(get("/images/track/" + byName.get("Sea").id() + "?width=100")), 0, 0, 255);
  }

  @Test
  void artistsHaveTheirOwnImageOrTheNeutralOne() throws Exception {
    long ana = byName.get("Sea").primaryArtistId();
    long bo = byName.get("Fog").primaryArtistId();
    assertColour(decode(get("/images/artist/" + ana + "?width=150")), 0, 255, 0);
    HttpResponse<byte[]> neutral = get("/images/artist/" + bo + "?width=150");
    assertThat(header(neutral, "Content-Type")).isEqualTo("image/png");
    assertThat(header(neutral, "Cache-Control")).isEqualTo("max-age=3600, public");
    BufferedImage img = decode(neutral);
    assertThat(img.getWidth()).isEqualTo(150);
    assertThat(img.getHeight()).isEqualTo(150);
    // Neutral: grey, every channel alike, the corner lighter than the disc around the middle.
    int corner = img.getRGB(0, 0) & 0xFFFFFF;
    int disc = img.getRGB(img.getWidth() / 2 + img.getWidth() * 3 / 10, img.getHeight() / 2);
    assertThat(corner >> 16).isEqualTo(corner & 0xFF);
    assertThat(disc & 0xFF).isLessThan(corner & 0xFF);
    // An album without any picture gets the same neutral image.
    assertThat(get("/images/album/" + album("Fog") + "?width=150").body())
        .isEqualTo(neutral.body());
  }

  @Test
  void unknownEntitiesAndKindsAreNotFound() throws Exception {
    assertThat(get("/images/album/987654?width=50").statusCode()).isEqualTo(404);
    assertThat(get("/images/track/abc").statusCode()).isEqualTo(404);
    assertThat(get("/images/secret/" + album("Fog")).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> head = send("HEAD", "/images/album/" + album("Pictured") + "?width=25");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(Integer.parseInt(header(head, "Content-Length"))).isPositive();
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The transcode cache under a small {@code stave.audio.cache-size}, over HTTP: it stays within the
 * bound, an evicted rendition is made again (the same bytes), and a rendition being sent is not
 * deleted under its reader, even by a multi-range response that opens the file once per range.
 */
class CacheEvictionTest extends AudioHttpTest {
  /** Room for two of the six two-second mp31 renditions (about 25 kB each), not three. */
  private static final long BOUND = 60_000;

  @DynamicPropertySource
  static void smallCache(DynamicPropertyRegistry registry) {
    registry.add("stave.audio.cache-size", () -> BOUND + "B");
  }

  @Autowired Renditions renditions;

  private static final List<Long> shortTracks = new ArrayList<>();
  private static long longTrack;

  @BeforeEach
  void library() throws Exception {
    if (!shortTracks.isEmpty()) {
      return;
    }
    Path music = tmp.resolve("music");
    for (int i = 1; i <= 6; i++) {
      TestAudio.write(
          music.resolve("Ana/Tones/0" + i + " Tone.flac"),
          TestAudio.tone(2, 200 + 100 * i),
          Map.of("title", "Tone " + i, "artist", "Ana", "album", "Tones", "track", "" + i),
          null);
    }
    // Its flac rendition (from WAV) is ~19 MB: far more than socket buffers hold.
    TestAudio.write(
        music.resolve("Ana/Long/01 Long.wav"),
        "anoisesrc=duration=200:amplitude=0.3:sample_rate=48000",
        Map.of("title", "Long", "artist", "Ana", "album", "Long"),
        null);
    scanByName(music)
        .values()
        .forEach(
            t -> {
              if (t.name().equals("Long")) {
                longTrack = t.id();
              } else {
                shortTracks.add(t.id());
              }
            });
    shortTracks.sort(Long::compare);
  }

  private static Path cacheDir() {
    return tmp.resolve("data/cache/audio");
  }

  private static long cacheBytes() throws Exception {
    try (Stream<Path> s = Files.list(cacheDir())) {
      long total = 0;
      for (Path p : s.toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }

  private Path rendition(long track, AudioFormat format) {
    return cacheDir()
        .resolve(
            files.forTrack(track).orElseThrow().contentHash()
                + "-"
                + format.wireName()
                + "."
                + format.extension());
  }

  private byte[] mp31(long track) throws Exception {
    return cachedRendition("/audio/track/" + track + "/mp31");
  }

  private byte[] cachedRendition(String path) throws Exception {
    HttpResponse<byte[]> r = Players.cachedRendition(() -> get(signed(path)));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void theCacheStaysWithinItsBoundAndEvictedRenditionsAreMadeAgain() throws Exception {
    List<byte[]> first = new ArrayList<>();
    for (long track : shortTracks) {
      first.add(mp31(track));
      assertThat(cacheBytes()).isLessThanOrEqualTo(BOUND);
      assertThat(rendition(track, AudioFormat.MP31)).exists();
    }
    assertThat(first.get(0).length).isBetween(20_000, 30_000); // so the bound holds two
    long oldest = shortTracks.get(0);
    assertThat(rendition(oldest, AudioFormat.MP31)).doesNotExist();

    long before = renditions.transcodes();
    assertThat(mp31(oldest)).isEqualTo(first.get(0));
    assertThat(renditions.transcodes() - before).isEqualTo(1);
    assertThat(TestAudio.ffmpeg().probeJson(rendition(oldest, AudioFormat.MP31)))
        .contains("\"codec_name\": \"mp3\"");
    // A hit refreshes a rendition: the one served last is not the next to go.
    long newest = shortTracks.get(5);
    before = renditions.transcodes();
    assertThat(mp31(newest)).isEqualTo(first.get(5));
    assertThat(renditions.transcodes() - before).isZero();
    mp31(shortTracks.get(1));
    assertThat(rendition(newest, AudioFormat.MP31)).exists();
    assertThat(rendition(oldest, AudioFormat.MP31)).doesNotExist();
    assertThat(cacheBytes()).isLessThanOrEqualTo(BOUND);
  }

  @Test
  void aRenditionBeingSentIsNotEvictedUnderItsReader() throws Exception {
    String path = "/audio/track/" + longTrack + "/flac";
    byte[] full = cachedRendition(path);
    int n = full.length;
    assertThat(n).isGreaterThan(15_000_000);
    Path flac = rendition(longTrack, AudioFormat.FLAC);

    // Two ranges: the server opens the file for the first, then again for the second. A tiny
    // receive window keeps it stuck in the first while other requests evict. HTTP/1.0, so the
    // body is plain bytes up to the close (no chunked encoding to undo).
    int firstEnd = n - 1001;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + signed(path)
                  + " HTTP/1.0\r\nHost: 127.0.0.1\r\nRange: bytes=0-"
                  + firstEnd
                  + ","
                  + (n - 100)
                  + "-"
                  + (n - 1)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      response.write(in.readNBytes(64 * 1024));

      for (long track : shortTracks) {
        mp31(track); // each one a transcode and an eviction, the cache far over its bound
      }
      assertThat(flac).as("leased while being sent").exists();

      in.transferTo(response);
      byte[] raw = response.toByteArray();
      String head = new String(raw, 0, 4096, StandardCharsets.ISO_8859_1);
      assertThat(head)
          .startsWith("HTTP/1.1 206")
          .doesNotContainIgnoringCase("chunked")
          .contains("multipart/byteranges");
      int firstPart = headerEnd(raw, indexOf(raw, "Content-Range: bytes 0-" + firstEnd, 0));
      assertThat(Arrays.copyOfRange(raw, firstPart, firstPart + firstEnd + 1))
          .isEqualTo(Arrays.copyOf(full, firstEnd + 1));
      int second =
          headerEnd(
              raw, indexOf(raw, "Content-Range: bytes " + (n - 100) + "-" + (n - 1) + "/" + n, 0));
      assertThat(Arrays.copyOfRange(raw, second, second + 100))
          .isEqualTo(Arrays.copyOfRange(full, n - 100, n));
    }
    // Sent and released: the next eviction removes it, and the cache is back within its bound.
    Files.deleteIfExists(rendition(shortTracks.get(0), AudioFormat.MP31));
    mp31(shortTracks.get(0));
    assertThat(flac).doesNotExist();
    assertThat(cacheBytes()).isLessThanOrEqualTo(BOUND);
  }

  private static int indexOf(byte[] hay, String needle, int from) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = from; i <= hay.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (hay[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not in the response: " + needle);
  }

  /** Where the body of the part whose headers include {@code at} begins. */
  private static int headerEnd(byte[] raw, int at) {
    return indexOf(raw, "\r\n\r\n", at) + 4;
  }
}

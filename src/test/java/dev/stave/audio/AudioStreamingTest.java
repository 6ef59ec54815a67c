package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.ingest.scan.LibraryScanner;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /audio/track/{id}/{format}} over HTTP: originals and transcodes, every range form, HEAD,
 * ETag and If-Range, downloads, signatures, and paths that must never be served.
 */
class AudioStreamingTest extends AudioHttpTest {
  @Autowired Renditions renditions;

  private static Path music;
  private static long mp3Track;
  private static long flacTrack;

  @BeforeEach
  void library() throws Exception {
    if (music != null) {
      return;
    }
    music = tmp.resolve("music");
    TestAudio.write(
        music.resolve("Ana/Album/01 Tone.mp3"),
        TestAudio.tone(2, 440),
        Map.of("title", "Tone: A/440", "artist", "Ana", "album", "Album"),
        null);
    TestAudio.write(
        music.resolve("Ana/Album/02 Noise.flac"),
        TestAudio.noise(1),
        Map.of("title", "Noise", "artist", "Ana", "album", "Album"),
        null);
    scanner.scan(List.of(music), LibraryScanner.Options.defaults());
    for (AudioFile f : files.all().values()) {
      if (f.codec().equals("mp3")) {
        mp3Track = f.trackId();
      } else {
        flacTrack = f.trackId();
      }
    }
  }

  private Path original(long track) {
    return files.forTrack(track).orElseThrow().path();
  }

  @Test
  void anOriginalThatMatchesIsServedAsItIs() throws Exception {
    HttpResponse<byte[]> r = get(signed("/audio/track/" + mp3Track + "/mp32"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(Files.readAllBytes(original(mp3Track)));
    assertThat(header(r, "Content-Type")).isEqualTo("audio/mpeg");
    assertThat(header(r, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(r, "Content-Length")).isEqualTo(Long.toString(r.body().length));
    assertThat(header(r, "ETag")).matches("\"[0-9a-f]{32}-mp32\"");
    // A 128 kbps MP3 is low enough for mp31 too.
    assertThat(get(signed("/audio/track/" + mp3Track + "/mp31")).body())
        .isEqualTo(Files.readAllBytes(original(mp3Track)));
  }

  @Test
  void otherFormatsAreTranscodedOnceAndCached() throws Exception {
    String url = signed("/audio/track/" + flacTrack + "/ogg");
    long before = renditions.transcodes();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<HttpResponse<byte[]>>> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(pool.submit((Callable<HttpResponse<byte[]>>) () -> get(url)));
    }
    List<byte[]> bodies = new ArrayList<>();
    for (Future<HttpResponse<byte[]>> f : all) {
      HttpResponse<byte[]> r = f.get();
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(header(r, "Content-Type")).isEqualTo("audio/ogg");
      bodies.add(r.body());
    }
    pool.shutdown();
    assertThat(renditions.transcodes() - before).isEqualTo(1);
    assertThat(new String(bodies.get(0), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
    bodies.forEach(b -> assertThat(b).isEqualTo(bodies.get(0)));
    Path cached = tmp.resolve("data/cache/audio");
    try (var s = Files.list(cached)) {
      Path ogg = s.filter(p -> p.toString().endsWith("-ogg.ogg")).findFirst().orElseThrow();
      assertThat(TestAudio.ffmpeg().probeJson(ogg)).contains("\"codec_name\": \"vorbis\"");
    }
    assertThat(get(url).body()).isEqualTo(bodies.get(0));
    assertThat(renditions.transcodes() - before).isEqualTo(1);
    HttpResponse<byte[]> mp3 = get(signed("/audio/track/" + flacTrack + "/mp31"));
    assertThat(new String(mp3.body(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("ID3");
  }

  @Test
  void everyRangeForm() throws Exception {
    String url = signed("/audio/track/" + mp3Track + "/mp32");
    byte[] all = Files.readAllBytes(original(mp3Track));
    int n = all.length;

    HttpResponse<byte[]> first = get(url, "Range", "bytes=0-99");
    assertThat(first.statusCode()).isEqualTo(206);
    assertThat(first.body()).isEqualTo(Arrays.copyOfRange(all, 0, 100));
    assertThat(header(first, "Content-Range")).isEqualTo("bytes 0-99/" + n);
    assertThat(header(first, "Content-Length")).isEqualTo("100");

    HttpResponse<byte[]> suffix = get(url, "Range", "bytes=-50");
    assertThat(suffix.statusCode()).isEqualTo(206);
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(all, n - 50, n));

    HttpResponse<byte[]> open = get(url, "Range", "bytes=1000-");
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(all, 1000, n));
    assertThat(header(open, "Content-Range")).isEqualTo("bytes 1000-" + (n - 1) + "/" + n);

    HttpResponse<byte[]> multi = get(url, "Range", "bytes=0-9,20-29");
    assertThat(multi.statusCode()).isEqualTo(206);
    assertThat(header(multi, "Content-Type")).startsWith("multipart/byteranges; boundary=");
    String body = new String(multi.body(), StandardCharsets.ISO_8859_1);
    assertThat(body)
        .contains("Content-Range: bytes 0-9/" + n)
        .contains("Content-Range: bytes 20-29/" + n)
        .contains(new String(Arrays.copyOfRange(all, 20, 30), StandardCharsets.ISO_8859_1));

    HttpResponse<byte[]> beyond = get(url, "Range", "bytes=" + (n + 10) + "-");
    assertThat(beyond.statusCode()).isEqualTo(416);
  }

  @Test
  void headEtagAndIfRange() throws Exception {
    String url = signed("/audio/track/" + mp3Track + "/mp32");
    long size = Files.size(original(mp3Track));
    HttpResponse<byte[]> head = send("HEAD", url);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(header(head, "Content-Length")).isEqualTo(Long.toString(size));
    String etag = header(head, "ETag");
    assertThat(etag).isNotNull();

    assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(url, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> same = get(url, "Range", "bytes=0-9", "If-Range", etag);
    assertThat(same.statusCode()).isEqualTo(206);
    assertThat(same.body()).hasSize(10);
    HttpResponse<byte[]> stale = get(url, "Range", "bytes=0-9", "If-Range", "\"stale\"");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).hasSize((int) size);
  }

  @Test
  void downloadsAreAttachments() throws Exception {
    HttpResponse<byte[]> r = get(signed("/audio/track/" + mp3Track + "/mp32/download"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(header(r, "Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename=\"Tone_ A_440.mp3\"");
  }

  @Test
  void unsignedChangedOrExpiredUrlsAreForbidden() throws Exception {
    String path = "/audio/track/" + mp3Track + "/mp32";
    assertThat(get(path).statusCode()).isEqualTo(403);
    String query = signer.query(path);
    // The same signature on another track, another format, or the download.
    assertThat(get("/audio/track/" + flacTrack + "/mp32?" + query).statusCode()).isEqualTo(403);
    assertThat(get(path.replace("mp32", "flac") + "?" + query).statusCode()).isEqualTo(403);
    assertThat(get(path + "/download?" + query).statusCode()).isEqualTo(403);
    // A later expiry with the old signature, and a genuinely expired one.
    String sig = query.substring(query.indexOf("&sig="));
    assertThat(get(path + "?exp=99999999999" + sig).statusCode()).isEqualTo(403);
    long past = System.currentTimeMillis() / 1000 - 10;
    assertThat(get(path + "?" + signer.query(path, past)).statusCode()).isEqualTo(403);
    assertThat(get(path + "?" + query).statusCode()).isEqualTo(200);
  }

  @Test
  void nothingOutsideTheAudioRootsIsEverServed() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "top secret");
    for (String p :
        List.of(
            "/audio/track/..%2F..%2Fsecret.txt/mp32",
            "/audio/track/%2e%2e/mp32",
            "/audio/track/1/..%2F..%2F..%2Fsecret.txt",
            "/audio/track/" + mp3Track + "/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/audio/track/-1/mp32",
            "/audio/../../secret.txt")) {
      HttpResponse<byte[]> r = get(p.contains("?") ? p : p + "?" + signer.query(p));
      assertThat(r.statusCode()).as(p).isBetween(400, 404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("top secret");
    }
    // A scanned file replaced by a link to a file outside the roots is not followed.
    Path flac = original(flacTrack);
    Path moved = tmp.resolve("noise-backup.flac");
    Files.move(flac, moved);
    Files.createSymbolicLink(flac, secret);
    try {
      HttpResponse<byte[]> r = get(signed("/audio/track/" + flacTrack + "/ogg"));
      assertThat(r.statusCode()).isEqualTo(404);
      r = get(signed("/audio/track/" + flacTrack + "/flac"));
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("top secret");
    } finally {
      Files.delete(flac);
      Files.move(moved, flac);
    }
  }
}

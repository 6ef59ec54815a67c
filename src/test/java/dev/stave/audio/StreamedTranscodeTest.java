package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rendition that is not cached is streamed while ffmpeg makes it, over HTTP as a player fetches
 * it: the first bytes arrive while ffmpeg is still running, a second request follows the same run
 * (one ffmpeg), the cached file is what was streamed and decodes to the end, ranges on a rendition
 * still being made are answered as {@link dev.stave.audio.web.AudioStreamController} documents, a
 * client that hangs up does not stop the run, and a failed run leaves no cached file.
 *
 * <p>ffmpeg is the real one behind a script that passes on its first {@value #HELD} bytes, then
 * holds the rest while a gate file exists (and, when a fail file exists, exits 3 instead of passing
 * the rest, ffmpeg killed by the broken pipe). So "the transcode is still running" is a state the
 * test sets, not a race against this machine's speed: without streaming, no byte would arrive
 * before the gate opens.
 */
class StreamedTranscodeTest extends AudioHttpTest {
  private static final int HELD = 64 * 1024;
  private static final int SECONDS = 20;

  @DynamicPropertySource
  static void heldFfmpeg(DynamicPropertyRegistry registry) {
    registry.add(
        "stave.audio.ffmpeg",
        () ->
            FfmpegWrapper.script(
                    tmp.resolve("bin"),
                    "ffmpeg",
                    FfmpegWrapper.real().ffmpeg(),
                    """
                    set -o pipefail
                    "$REAL" "$@" | {
                      head -c %d || exit $?
                      while [ -e '%s' ]; do sleep 0.02; done
                      if [ -e '%s' ]; then exit 3; fi
                      cat
                    }
                    """
                        .formatted(HELD, gate(), failMarker()))
                .toString());
    registry.add("stave.audio.ffprobe", () -> FfmpegWrapper.ffprobe(tmp.resolve("bin")).toString());
  }

  @Autowired Renditions renditions;

  private static List<Long> tracks;

  private static Path gate() {
    return tmp.resolve("gate");
  }

  private static Path failMarker() {
    return tmp.resolve("fail");
  }

  @BeforeEach
  void library() throws Exception {
    if (tracks != null) {
      return;
    }
    Path music = tmp.resolve("music");
    for (int i = 1; i <= 4; i++) {
      // Noise: its mp32 (~230 KB) is several times what the gate lets through.
      TestAudio.write(
          music.resolve("Ida/Long/0" + i + " Noise.flac"),
          TestAudio.noise(SECONDS),
          Map.of("title", "Noise " + i, "artist", "Ida", "album", "Long", "track", "" + i),
          null);
    }
    tracks = scanByName(music).values().stream().map(t -> t.id()).sorted().toList();
    assertThat(tracks).hasSize(4);
  }

  @AfterEach
  void openGate() throws IOException {
    Files.deleteIfExists(gate());
    Files.deleteIfExists(failMarker());
  }

  private String url(long track) {
    return signed("/audio/track/" + track + "/mp32");
  }

  private CompletableFuture<HttpResponse<InputStream>> stream(long track, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url(track)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** The response's head, which a streamed rendition sends with its first bytes. */
  private static <T> HttpResponse<T> head(CompletableFuture<HttpResponse<T>> f) throws Exception {
    return f.get(60, TimeUnit.SECONDS);
  }

  private Path cached(long track) {
    return tmp.resolve("data/cache/audio")
        .resolve(files.forTrack(track).orElseThrow().contentHash() + "-mp32.mp3");
  }

  private static List<Path> partFiles() throws IOException {
    Path dir = tmp.resolve("data/cache/audio");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".part")).toList();
    }
  }

  private static void await(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  /** Seconds of audio in {@code file}, decoded to the end by ffmpeg. */
  private static double decodedSeconds(Path file) {
    AtomicLong bytes = new AtomicLong();
    TestAudio.ffmpeg()
        .decodeMono(
            file,
            8000,
            new OutputStream() {
              @Override
              public void write(int b) {
                bytes.incrementAndGet();
              }

              @Override
              public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
              }
            });
    return bytes.get() / 2 / 8000.0;
  }

  @Test
  void theFirstRequestStreamsWhileFfmpegRunsAndASecondFollowsTheSameRun() throws Exception {
    long track = tracks.get(0);
    long before = renditions.transcodes();
    Files.createFile(gate());

    HttpResponse<InputStream> first = head(stream(track));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "Content-Type")).isEqualTo("audio/mpeg");
    assertThat(header(first, "Content-Length")).as("length unknown while transcoding").isNull();
    assertThat(header(first, "Accept-Ranges")).isEqualTo("bytes");
    String etag = header(first, "ETag");
    assertThat(etag).as("the bytes streamed while made").matches("\"[0-9a-f]{32}-mp32-live\"");
    byte[] firstHead = first.body().readNBytes(HELD);
    assertThat(new String(firstHead, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("ID3");

    // ffmpeg is still held: the rendition is only a .part file, and a second request follows it.
    assertThat(partFiles()).hasSize(1);
    assertThat(cached(track)).doesNotExist();
    HttpResponse<InputStream> second = head(stream(track));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body().readNBytes(HELD)).isEqualTo(firstHead);
    assertThat(renditions.transcodes() - before).as("ffmpeg runs").isEqualTo(1);

    Files.delete(gate());
    byte[] a = concat(firstHead, first.body().readAllBytes());
    byte[] b = concat(firstHead, second.body().readAllBytes());
    assertThat(a.length).isGreaterThan(2 * HELD);
    assertThat(b).isEqualTo(a);
    await("the rendition cached", () -> Files.exists(cached(track)) && noPartFiles());
    byte[] complete = Files.readAllBytes(cached(track));
    assertThat(new String(complete, 0, 1024, StandardCharsets.ISO_8859_1))
        .as("the cached MP3 has the Xing/Info frame a pipe could not carry")
        .containsAnyOf("Xing", "Info");
    assertThat(complete.length).isBetween(a.length, a.length + 4096);
    assertThat(decodedSeconds(cached(track))).isCloseTo(SECONDS, within(0.2));

    // Now cached: a static file with its length, and no ffmpeg run.
    HttpResponse<byte[]> third = get(url(track));
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(header(third, "Content-Length")).isEqualTo(Integer.toString(complete.length));
    assertThat(header(third, "ETag")).isEqualTo(etag.replace("-live\"", "\""));
    assertThat(third.body()).isEqualTo(complete);
    assertThat(renditions.transcodes() - before).isEqualTo(1);
  }

  @Test
  void rangesOnARenditionStillBeingMade() throws Exception {
    long track = tracks.get(1);
    Files.createFile(gate());
    HttpResponse<InputStream> whole = head(stream(track));
    byte[] made = whole.body().readNBytes(HELD);
    String etag = header(whole, "ETag");

    // A closed range whose bytes exist: 206, the complete length not known yet.
    HttpResponse<byte[]> closed = get(url(track), "Range", "bytes=100-199");
    assertThat(closed.statusCode()).isEqualTo(206);
    assertThat(header(closed, "Content-Range")).isEqualTo("bytes 100-199/*");
    assertThat(header(closed, "Content-Length")).isEqualTo("100");
    assertThat(closed.body()).isEqualTo(Arrays.copyOfRange(made, 100, 200));

    // bytes=0- (a browser's first request) is the whole stream.
    HttpResponse<InputStream> fromZero = head(stream(track, "Range", "bytes=0-"));
    assertThat(fromZero.statusCode()).isEqualTo(200);
    assertThat(fromZero.body().readNBytes(HELD)).isEqualTo(made);

    HttpResponse<byte[]> notModified = get(url(track), "If-None-Match", etag);
    assertThat(notModified.statusCode()).isEqualTo(304);
    HttpResponse<byte[]> headOnly = send("HEAD", url(track));
    assertThat(headOnly.statusCode()).isEqualTo(200);
    assertThat(header(headOnly, "Accept-Ranges")).isEqualTo("bytes");
    assertThat(header(headOnly, "Content-Length")).isNull();

    // Bytes not made yet, and a suffix (which needs the end), wait for the run.
    int at = HELD + 1000;
    var ahead = stream(track, "Range", "bytes=" + at + "-" + (at + 99));
    var suffix = stream(track, "Range", "bytes=-100");
    var open = stream(track, "Range", "bytes=1000-"); // a seek: to an end not known yet
    assertThat(get(url(track), "Range", "bytes=0-9").statusCode()).isEqualTo(206);
    assertThat(ahead.isDone() || suffix.isDone() || open.isDone())
        .as("answered before the bytes existed")
        .isFalse();
    assertThat(renditions.transcodes()).isGreaterThan(0);

    Files.delete(gate());
    byte[] all = concat(made, whole.body().readAllBytes());
    await("the rendition cached", () -> Files.exists(cached(track)) && noPartFiles());
    // The cached file is the stream with its header completed (Renditions#withCompleteHeader):
    // what waited for the end of the run is answered from it, under its own length.
    byte[] cachedBytes = Files.readAllBytes(cached(track));
    int n = cachedBytes.length;
    HttpResponse<InputStream> aheadR = head(ahead);
    assertThat(aheadR.statusCode()).isEqualTo(206);
    // Answered by the run or, if it completed first, by the cached file with its length.
    String aheadRange = header(aheadR, "Content-Range");
    assertThat(aheadRange)
        .isIn("bytes " + at + "-" + (at + 99) + "/*", "bytes " + at + "-" + (at + 99) + "/" + n);
    assertThat(aheadR.body().readAllBytes())
        .isEqualTo(Arrays.copyOfRange(aheadRange.endsWith("/*") ? all : cachedBytes, at, at + 100));
    HttpResponse<InputStream> suffixR = head(suffix);
    assertThat(suffixR.statusCode()).isEqualTo(206);
    assertThat(header(suffixR, "Content-Range"))
        .isEqualTo("bytes " + (n - 100) + "-" + (n - 1) + "/" + n);
    assertThat(suffixR.body().readAllBytes())
        .isEqualTo(Arrays.copyOfRange(cachedBytes, n - 100, n));
    HttpResponse<InputStream> openR = head(open);
    assertThat(openR.statusCode()).isEqualTo(206);
    assertThat(header(openR, "Content-Range")).isEqualTo("bytes 1000-" + (n - 1) + "/" + n);
    assertThat(openR.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(cachedBytes, 1000, n));
    assertThat(fromZero.body().readAllBytes()).isEqualTo(Arrays.copyOfRange(all, HELD, all.length));
  }

  @Test
  void aClientThatHangsUpDoesNotStopTheRun() throws Exception {
    long track = tracks.get(2);
    long before = renditions.transcodes();
    Files.createFile(gate());
    HttpResponse<InputStream> r = head(stream(track));
    assertThat(r.body().readNBytes(HELD)).hasSize(HELD);
    r.body().close(); // the only listener hangs up while ffmpeg is held

    Files.delete(gate());
    await("the rendition cached", () -> Files.exists(cached(track)) && noPartFiles());
    assertThat(decodedSeconds(cached(track))).isCloseTo(SECONDS, within(0.2));
    HttpResponse<byte[]> again = get(url(track));
    assertThat(header(again, "Content-Length")).isEqualTo(Long.toString(Files.size(cached(track))));
    assertThat(again.body()).isEqualTo(Files.readAllBytes(cached(track)));
    assertThat(renditions.transcodes() - before).isEqualTo(1);
  }

  @Test
  void aFailedTranscodeLeavesNoCachedFileAndBreaksTheTransfer() throws Exception {
    long track = tracks.get(3);
    long before = renditions.transcodes();
    Files.createFile(gate());
    Files.createFile(failMarker());
    // A plain socket, to see the chunked framing itself: a client library might hide it.
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + url(track) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (got.size() < HELD) { // the head and at least the first HELD bytes' worth of chunks
        got.write(buf, 0, in.read(buf));
      }
      String head = got.toString(StandardCharsets.ISO_8859_1);
      assertThat(head)
          .startsWith("HTTP/1.1 200")
          .containsIgnoringCase("Transfer-Encoding: chunked");
      assertThat(partFiles()).hasSize(1);

      Files.delete(gate()); // ffmpeg is now cut off and the script exits 3
      in.transferTo(got);
      String all = got.toString(StandardCharsets.ISO_8859_1);
      assertThat(all)
          .as("a broken transfer (no last chunk), not a short file that looks complete")
          .doesNotEndWith("\r\n0\r\n\r\n");
    }
    await("the partial file removed", StreamedTranscodeTest::noPartFiles);
    assertThat(cached(track)).doesNotExist();

    // The next request makes it again, completely.
    Files.delete(failMarker());
    HttpResponse<byte[]> again = get(url(track));
    assertThat(again.statusCode()).isEqualTo(200);
    await("the rendition cached", () -> Files.exists(cached(track)) && noPartFiles());
    // the cached file is what was streamed with its header completed: a little longer
    assertThat(Files.size(cached(track)))
        .isBetween((long) again.body().length, again.body().length + 4096L);
    assertThat(decodedSeconds(cached(track))).isCloseTo(SECONDS, within(0.2));
    assertThat(renditions.transcodes() - before).isEqualTo(2);
  }

  private static boolean noPartFiles() {
    try {
      return partFiles().isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

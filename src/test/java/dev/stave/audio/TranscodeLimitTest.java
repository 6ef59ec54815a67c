package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Transcoding under load, over HTTP: with {@code stave.audio.max-concurrent-transcodes=2}, more
 * concurrent first-time requests (distinct tracks and formats) than that never run more than two
 * ffmpeg processes; the overflow gets 503 with {@code Retry-After} once {@code
 * stave.audio.transcode-wait} has passed; a request for a rendition being made joins that run
 * without a slot; a cached rendition is served while every slot is busy; and when the load has
 * passed the refused URLs succeed.
 *
 * <p>The ffmpeg Stave runs is the real one behind a gate: a small shell script that waits while a
 * gate file exists, then {@code exec}s ffmpeg with the same arguments. It keeps the first
 * transcodes running for as long as the test needs them running, so which requests overlap is
 * decided by the test and not by how fast this machine transcodes a tone (a race the test could
 * lose either way). Live ffmpeg processes are counted from the JVM's own child processes (the
 * server runs in this JVM) every few milliseconds throughout.
 */
class TranscodeLimitTest extends AudioHttpTest {
  private static final int LIMIT = 2;
  private static final int WAIT_SECONDS = 4;
  private static final String WRAPPER = "ffmpeg-gated";

  @DynamicPropertySource
  static void boundedTranscodes(DynamicPropertyRegistry registry) {
    registry.add("stave.audio.max-concurrent-transcodes", () -> LIMIT);
    registry.add("stave.audio.transcode-wait", () -> WAIT_SECONDS + "s");
    registry.add("stave.audio.ffmpeg", () -> gatedFfmpeg().toString());
    registry.add("stave.audio.ffprobe", () -> FfmpegWrapper.ffprobe(tmp).toString());
  }

  @Autowired Renditions renditions;

  private static Path gate() {
    return tmp.resolve("gate");
  }

  /** The real ffmpeg, held back while the gate file exists. */
  private static Path gatedFfmpeg() {
    return FfmpegWrapper.script(
        tmp,
        WRAPPER,
        FfmpegWrapper.real().ffmpeg(),
        "while [ -e '%s' ]; do sleep 0.02; done\nexec \"$REAL\" \"$@\"".formatted(gate()));
  }

  /** ffmpeg processes alive now: this JVM's children running the gate script or ffmpeg itself. */
  private static int liveFfmpegProcesses() {
    return (int)
        ProcessHandle.current()
            .children()
            .filter(ProcessHandle::isAlive)
            .filter(
                p -> {
                  String cmd = p.info().commandLine().orElse("");
                  return cmd.contains(WRAPPER) || p.info().command().orElse("").endsWith("/ffmpeg");
                })
            .count();
  }

  private int gauge(String name) throws Exception {
    HttpResponse<byte[]> r = get("/actuator/metrics/" + name);
    assertThat(r.statusCode()).isEqualTo(200);
    return (int) json.readTree(r.body()).get("measurements").get(0).get("value").asDouble();
  }

  private void await(String what, IntSupplier value, int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (value.getAsInt() != expected) {
      assertThat(System.nanoTime()).as("waiting for %s = %d", what, expected).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private int gaugeOrFail(String name) {
    try {
      return gauge(name);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private CompletableFuture<HttpResponse<byte[]>> fetch(long track, AudioFormat format) {
    String path = signed("/audio/track/" + track + "/" + format.wireName());
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void concurrentTranscodesAreBoundedAndTheOverflowIsToldToRetry() throws Exception {
    Path music = tmp.resolve("music");
    for (int i = 1; i <= 6; i++) {
      TestAudio.write(
          music.resolve("Bo/Load/0" + i + " Load.flac"),
          TestAudio.tone(2, 300 + 50 * i),
          Map.of("title", "Load " + i, "artist", "Bo", "album", "Load", "track", "" + i),
          null);
    }
    List<Long> t = new ArrayList<>();
    scanByName(music).values().forEach(track -> t.add(track.id()));
    t.sort(Long::compare);
    assertThat(t).hasSize(6);
    // The sixth track's mp31 is cached before the load: serving it needs no slot.
    assertThat(fetch(t.get(5), AudioFormat.MP31).get().statusCode()).isEqualTo(200);
    long transcodesBefore = renditions.transcodes();

    AtomicInteger maxProcesses = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    Files.createFile(gate());
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    maxProcesses.accumulateAndGet(liveFfmpegProcesses(), Math::max);
                    maxRunning.accumulateAndGet(
                        gaugeOrFail("stave.audio.transcodes.running"), Math::max);
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    try {
      // Two first-time requests take both slots and stay in ffmpeg (held at the gate).
      var first = fetch(t.get(0), AudioFormat.MP31);
      var second = fetch(t.get(1), AudioFormat.MP31);
      await("live ffmpeg processes", TranscodeLimitTest::liveFfmpegProcesses, LIMIT);

      // A request for the rendition being made joins that run; three more renditions must wait.
      var joiner = fetch(t.get(0), AudioFormat.MP31);
      var overflow =
          List.of(
              fetch(t.get(2), AudioFormat.MP31),
              fetch(t.get(3), AudioFormat.MP32),
              fetch(t.get(4), AudioFormat.OGG));
      // Without a bound they would start three more ffmpeg processes: wait for either outcome.
      await(
          "three waiting requests or more ffmpeg processes than the limit",
          () -> {
            int live = liveFfmpegProcesses();
            maxProcesses.accumulateAndGet(live, Math::max);
            return live > LIMIT || gaugeOrFail("stave.audio.transcodes.waiting") == 3 ? 1 : 0;
          },
          1);
      assertThat(maxProcesses.get()).as("live ffmpeg processes, most at once").isEqualTo(LIMIT);
      assertThat(gauge("stave.audio.transcodes.running")).isEqualTo(LIMIT);

      // A cached rendition is served while every slot is taken.
      HttpResponse<byte[]> cached = fetch(t.get(5), AudioFormat.MP31).get();
      assertThat(cached.statusCode()).isEqualTo(200);

      // After the wait, the overflow is told to come back; the slot holders are still running.
      for (var f : overflow) {
        HttpResponse<byte[]> r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(header(r, "Retry-After")).isEqualTo(Integer.toString(WAIT_SECONDS));
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
            .contains("busy")
            .doesNotContain("Exception");
      }
      assertThat(first.isDone() || second.isDone() || joiner.isDone()).isFalse();
      assertThat(gauge("stave.audio.transcodes.waiting")).isZero();

      // The load passes: the held transcodes finish, the joiner gets the same bytes.
      Files.delete(gate());
      HttpResponse<byte[]> a = first.get(60, TimeUnit.SECONDS);
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(second.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      HttpResponse<byte[]> joined = joiner.get(60, TimeUnit.SECONDS);
      assertThat(joined.statusCode()).isEqualTo(200);
      assertThat(joined.body()).isEqualTo(a.body());

      // The refused URLs now succeed.
      assertThat(fetch(t.get(2), AudioFormat.MP31).get().statusCode()).isEqualTo(200);
      assertThat(fetch(t.get(3), AudioFormat.MP32).get().statusCode()).isEqualTo(200);
      assertThat(fetch(t.get(4), AudioFormat.OGG).get().statusCode()).isEqualTo(200);
    } finally {
      sampler.interrupt();
      sampler.join();
      Files.deleteIfExists(gate());
    }
    assertThat(maxProcesses.get()).as("live ffmpeg processes, most at once").isEqualTo(LIMIT);
    assertThat(maxRunning.get()).as("running-transcodes gauge, highest").isEqualTo(LIMIT);
    // Two held runs (the joiner made none) and the three refused renditions made afterwards.
    assertThat(renditions.transcodes() - transcodesBefore).isEqualTo(5);
    assertThat(gauge("stave.audio.transcodes.running")).isZero();
  }
}

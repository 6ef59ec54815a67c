package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.RequiredTool;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;

/** Standard players fetching Stave's audio URLs over HTTP, as a listener's player would. */
public final class Players {
  /** How far a decoded length may be from the expected one (frame padding, encoder delay). */
  public static final Offset<Double> WITHIN = Offset.offset(0.15);

  private static final int RATE = 8000;

  private Players() {}

  /**
   * Lets {@code pb} (a program outside Stave, e.g. a Subsonic client scenario) run the ffmpeg
   * executable Stave uses, and returns that executable's path.
   */
  public static Path ffmpegFor(ProcessBuilder pb) {
    FfmpegLocator.Executables exe =
        FfmpegLocator.locate(null, null, FfmpegLocator.defaultCacheRoot());
    if (exe.origin().startsWith("org.bytedeco")) {
      pb.environment().put("LD_LIBRARY_PATH", exe.ffmpeg().getParent().toString());
    }
    return exe.ffmpeg();
  }

  /**
   * Decodes {@code url} from {@code seek} seconds with the ffmpeg executable Stave uses, as a
   * player would (http allowed for this run only), and returns the seconds of audio it produced.
   */
  public static double decodedSeconds(String url, double seek, Path tmp) throws Exception {
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

  /**
   * mpv plays each URL to the end without a sound card (and not in real time). Without mpv the
   * calling test is skipped after ffmpeg played the URLs (failed under CI, which installs it).
   */
  public static void playWithMpv(List<String> urls) throws Exception {
    RequiredTool.require(
        FfmpegLocator.onPath("mpv").isEmpty()
            ? "mpv is not installed (apt-get install mpv)"
            : null);
    for (String url : urls) {
      Process p =
          new ProcessBuilder(
                  "mpv",
                  "--no-config",
                  "--no-video",
                  "--ao=null",
                  "--ao-null-untimed", // as fast as it decodes, not in real time
                  "--really-quiet",
                  url)
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as("mpv " + url + ": " + output).isZero();
    }
  }

  /**
   * A rendition as served from the cache: a first request streams it while ffmpeg makes it (under
   * an ETag of its own ending {@code -live"}, its header not complete yet), so {@code fetch} is
   * asked again until the cached file answers (ten seconds at most).
   */
  public static HttpResponse<byte[]> cachedRendition(Callable<HttpResponse<byte[]>> fetch)
      throws Exception {
    HttpResponse<byte[]> r = fetch.call();
    for (int i = 0; i < 200 && etag(r).endsWith("-live\""); i++) {
      Thread.sleep(50);
      r = fetch.call();
    }
    assertThat(etag(r)).as("served from the cache").doesNotEndWith("-live\"");
    return r;
  }

  private static String etag(HttpResponse<?> r) {
    return r.headers().firstValue("ETag").orElse("");
  }
}

package dev.stave.testsupport;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.Ffmpeg;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.scan.AudioLinker;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audio for the player's tests ({@link StavePlayerSiteTest}): one album of the demo catalog gets
 * real files, linked the way an import links them ({@code track_audio_paths} resolved by {@link
 * AudioLinker}, which scans them), and every request to the audio endpoint is logged with its
 * {@code Range} header and status, so a test can prove what the browser asked for; its answers
 * leave at 1 MB/s, as over a real connection.
 *
 * <p>The album's first track is an hour long (29 MB: a 20 s MP3 repeated, written without a Xing
 * header so the duration is read from the bitrate): at 1 MB/s a browser that starts playing it
 * cannot have fetched its middle for a quarter of a minute, so a seek there must be a new Range
 * request. (Unthrottled, Chromium read a twenty-minute file's middle ahead within a second or two,
 * and even an hour-long file's now and then, and answered the seek from its cache.) The other
 * tracks last {@value #SHORT_SECONDS} s. Made once per context, in a second or so.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SiteDemoAudio {
  static final int SHORT_SECONDS = 20;
  static final int LONG_REPEATS = 180;
  static final int BYTES_PER_SECOND = 1 << 20;
  static final int CHUNK = 16 * 1024;

  /** One request the audio endpoint answered. */
  public record Served(String path, String range, int status) {}

  /** What {@link #link} gave audio: the album and its tracks in album order. */
  public record Linked(long albumId, List<Long> trackIds, long longTrackId) {}

  private final List<Served> served = new CopyOnWriteArrayList<>();
  private final ObjectProvider<CatalogStore> catalog;
  private final ObjectProvider<JdbcTemplate> jdbc;
  private final ObjectProvider<Ffmpeg> ffmpeg;
  private final ObjectProvider<AudioLinker> linker;
  private final ObjectProvider<AudioAvailability> availability;
  private final ObjectProvider<StaveProperties> stave;
  private Linked linked;

  /** Providers, not beans: the log filter is made when the server starts, before the catalog. */
  public SiteDemoAudio(
      ObjectProvider<CatalogStore> catalog,
      ObjectProvider<JdbcTemplate> jdbc,
      ObjectProvider<Ffmpeg> ffmpeg,
      ObjectProvider<AudioLinker> linker,
      ObjectProvider<AudioAvailability> availability,
      ObjectProvider<StaveProperties> stave) {
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.ffmpeg = ffmpeg;
    this.linker = linker;
    this.availability = availability;
    this.stave = stave;
  }

  @Bean
  FilterRegistrationBean<Filter> audioRequestLog() {
    Filter log =
        (request, response, chain) -> {
          HttpServletRequest http = (HttpServletRequest) request;
          Throttled throttled =
              new Throttled(
                  (HttpServletResponse) response,
                  status ->
                      served.add(
                          new Served(http.getRequestURI(), http.getHeader("Range"), status)));
          try {
            chain.doFilter(request, throttled);
          } finally {
            throttled.logged();
          }
        };
    FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(log);
    bean.addUrlPatterns("/audio/track/*");
    return bean;
  }

  /**
   * A response whose body leaves at most {@value #BYTES_PER_SECOND} bytes a second, as over a
   * modest real connection: on the loopback a browser reads a whole file ahead in an instant, and
   * then a seek is served from what it already holds, which proves nothing about Range.
   */
  private static final class Throttled extends HttpServletResponseWrapper {
    private final java.util.function.IntConsumer log;
    private boolean logged;
    private ServletOutputStream out;

    Throttled(HttpServletResponse response, java.util.function.IntConsumer log) {
      super(response);
      this.log = log;
    }

    /**
     * Logs the request once, with its status: when its body starts (a long answer is logged while
     * it is still being sent, so a test sees the request the moment it was answered), else at the
     * end.
     */
    void logged() {
      if (!logged) {
        logged = true;
        log.accept(getStatus());
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (out == null) {
        logged();
        ServletOutputStream raw = super.getOutputStream();
        long start = System.nanoTime();
        out =
            new ServletOutputStream() {
              private long written;

              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                for (int done = 0; done < len; ) {
                  int n = Math.min(CHUNK, len - done);
                  raw.write(b, off + done, n);
                  done += n;
                  written += n;
                  long due = start + written * 1_000_000_000L / BYTES_PER_SECOND;
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    try {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new java.io.InterruptedIOException();
                    }
                  }
                }
              }

              @Override
              public void flush() throws IOException {
                raw.flush();
              }

              @Override
              public boolean isReady() {
                return raw.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                raw.setWriteListener(listener);
              }
            };
      }
      return out;
    }
  }

  /** The audio requests answered so far, in the order their answers began (path, Range, status). */
  public List<Served> served() {
    return List.copyOf(served);
  }

  /**
   * Gives audio to the tracks of the first album with at least three tracks (once; later calls
   * answer the same album), under the data directory.
   */
  public synchronized Linked link() {
    if (linked != null) {
      return linked;
    }
    return linked =
        link(
            catalog.getObject(),
            jdbc.getObject(),
            ffmpeg.getObject(),
            linker.getObject(),
            availability.getObject(),
            stave.getObject().dataDir().resolve("test-audio"));
  }

  private static Linked link(
      CatalogStore catalog,
      JdbcTemplate jdbc,
      Ffmpeg ffmpeg,
      AudioLinker linker,
      AudioAvailability availability,
      Path dir) {
    Long albumId =
        jdbc.queryForObject(
            "SELECT album_id FROM tracks WHERE album_id IS NOT NULL GROUP BY album_id"
                + " HAVING COUNT(*) >= 3 ORDER BY album_id LIMIT 1",
            Long.class);
    List<Track> tracks =
        catalog.tracksOfAlbums(List.of(albumId)).stream()
            .sorted(dev.stave.audio.TrackAudio.ALBUM_ORDER)
            .toList();
    List<Long> ids = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Path clip = dir.resolve("clip.mp3");
      ffmpeg.run(
          List.of(
              "-f",
              "lavfi",
              "-i",
              "sine=frequency=330:duration=" + SHORT_SECONDS,
              "-ac",
              "1",
              "-ar",
              "22050",
              "-c:a",
              "libmp3lame",
              "-b:a",
              "64k",
              "-write_xing",
              "0",
              "-id3v2_version",
              "0",
              "-write_id3v1",
              "0",
              "file:" + clip));
      byte[] frames = Files.readAllBytes(clip);
      for (int i = 0; i < tracks.size(); i++) {
        long id = tracks.get(i).id();
        String name = "track-" + id + ".mp3";
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
          int repeats = i == 0 ? LONG_REPEATS : 1;
          for (int r = 0; r < repeats; r++) {
            out.write(frames);
          }
          // Tracks differ by content, or the scan would take them for one file.
          out.write(frames, 0, 417 * (i + 1));
        }
        jdbc.update("INSERT INTO track_audio_paths (track_id, path) VALUES (?, ?)", id, name);
        ids.add(id);
      }
      Files.delete(clip);
      AudioLinker.Report report = linker.link(List.of(dir), false);
      if (report.linked() != ids.size()) {
        throw new IllegalStateException("linked " + report.linked() + ": " + report.unmatched());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    availability.forget();
    return new Linked(albumId, List.copyOf(ids), ids.getFirst());
  }
}

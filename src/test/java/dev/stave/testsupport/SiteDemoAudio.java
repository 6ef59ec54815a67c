package dev.stave.testsupport;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.Ffmpeg;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.scan.AudioLinker;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * {@code Range} header and status, so a test can prove what the browser asked for.
 *
 * <p>The album's first track is an hour long (29 MB: a 20 s MP3 repeated, written without a Xing
 * header so the duration is read from the bitrate): long enough that a browser cannot have fetched
 * its middle when it starts playing, so a seek there must be a new Range request. (Chromium on a
 * local connection reads some 5 MB ahead within a second or two: a twenty-minute file of 9.6 MB had
 * its middle in the browser's cache already, and the seek was a revalidation answered 304.) The
 * other tracks last {@value #SHORT_SECONDS} s. Made once per context, in a second or so.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SiteDemoAudio {
  static final int SHORT_SECONDS = 20;
  static final int LONG_REPEATS = 180;

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
          chain.doFilter(request, response);
          HttpServletRequest http = (HttpServletRequest) request;
          served.add(
              new Served(
                  http.getRequestURI(),
                  http.getHeader("Range"),
                  ((HttpServletResponse) response).getStatus()));
        };
    FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(log);
    bean.addUrlPatterns("/audio/track/*");
    return bean;
  }

  /** The audio requests served so far (path, Range header or null, status). */
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

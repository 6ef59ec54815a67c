package dev.stave.audio.web;

import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFile;
import dev.stave.audio.AudioFormat;
import dev.stave.audio.Renditions;
import dev.stave.audio.TrackAudio;
import dev.stave.audio.TranscodeBusyException;
import dev.stave.audio.TranscodeRun;
import dev.stave.audio.UrlSigner;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Streams and downloads track audio at the URLs the dialects hand out: {@code GET|HEAD
 * /audio/track/{id}/{format}} and {@code …/{format}/download} (an attachment). The URL must carry a
 * valid, unexpired signature ({@link UrlSigner}); the bytes are the original file or a cached
 * transcode ({@link Renditions}), and only ever a file inside the audio roots ({@link AudioRoots}).
 *
 * <p>A rendition still being made by ffmpeg is streamed as it grows ({@link GrowingRendition}
 * documents its answers: chunked, no length, ranges once their bytes exist). A complete file (the
 * original or a cached rendition) is served with Spring's {@link ResourceHttpRequestHandler}:
 * single, multiple ({@code multipart/byteranges}), suffix and open ranges, 416, HEAD, {@code
 * ETag}/{@code If-None-Match}, {@code Last-Modified}, {@code Accept-Ranges}, streamed from the file
 * in constant memory. {@code If-Range} (which that handler ignores) is applied here: a range whose
 * validator no longer matches gets the whole file.
 *
 * <p>Errors are short plain-text answers: these URLs belong to no dialect (both hand them out, and
 * players, not API clients, fetch them). A rendition that needs a transcode while every transcode
 * slot stays busy ({@link dev.stave.audio.TranscodeSlots}) gets 503 with {@code Retry-After}.
 */
@Controller
public class AudioStreamController {
  private static final Logger log = LoggerFactory.getLogger(AudioStreamController.class);
  private static final String RESOURCE = AudioStreamController.class.getName() + ".resource";
  private static final String TYPE = AudioStreamController.class.getName() + ".type";

  private final EntityCache entities;
  private final TrackAudio audio;
  private final UrlSigner signer;
  private final ResourceHttpRequestHandler handler;

  public AudioStreamController(EntityCache entities, TrackAudio audio, UrlSigner signer) {
    this.entities = entities;
    this.audio = audio;
    this.signer = signer;
    this.handler = new FileHandler();
    this.handler.setEtagGenerator(r -> r instanceof Tagged t ? t.etag : null);
    try {
      handler.afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @GetMapping("/audio/track/{id}/{format}")
  public void stream(
      @PathVariable String id,
      @PathVariable String format,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, ServletException {
    serve(id, format, false, request, response);
  }

  @GetMapping("/audio/track/{id}/{format}/download")
  public void download(
      @PathVariable String id,
      @PathVariable String format,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, ServletException {
    serve(id, format, true, request, response);
  }

  private void serve(
      String idText,
      String formatText,
      boolean download,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, ServletException {
    if (!signer.verify(request)) {
      plain(response, 403, UrlSigner.REFUSED);
      return;
    }
    Optional<AudioFormat> format = AudioFormat.fromWire(formatText);
    if (format.isEmpty() || !idText.matches("\\d{1,18}")) {
      plain(response, 404, "no such audio");
      return;
    }
    long id = Long.parseLong(idText);
    List<Track> track = entities.tracks(List.of(id));
    if (track.isEmpty() || (download && !track.get(0).flags().downloadAllowed())) {
      plain(response, 404, track.isEmpty() ? "no such track" : "this track may not be downloaded");
      return;
    }
    Optional<TrackAudio.Source> source = audio.source(id);
    if (source.isEmpty()) {
      plain(response, 404, "no audio file for track " + id);
      return;
    }
    AudioFile file = source.get().file();
    String etag = "\"" + file.contentHash().substring(0, 32) + "-" + format.get().wireName() + "\"";
    if (download) {
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment()
              .filename(fileName(track.get(0), format.get()), StandardCharsets.UTF_8)
              .build()
              .toString());
    }
    Renditions.Opened opened;
    try {
      opened = audio.open(source.get(), format.get());
    } catch (AudioException e) {
      failed(id, format.get(), e, response);
      return;
    }
    try (opened) {
      if (opened instanceof Renditions.Lease lease) {
        // Leased until the response is written: the handler opens the file once per range.
        serveFile(lease.path(), etag, format.get(), request, response);
        return;
      }
      // The bytes streamed while the rendition is made differ from the cached file at its start
      // (Renditions#withCompleteHeader): the same ETag must not name both.
      String live = etag.substring(0, etag.length() - 1) + "-live\"";
      try {
        if (GrowingRendition.send(
            (TranscodeRun.Reader) opened,
            live,
            format.get().contentType(),
            ifRangeApplied(request, live, null),
            response)) {
          return;
        }
      } catch (AudioException e) {
        failed(id, format.get(), e, response);
        return;
      }
    }
    // The request needs the complete rendition, which the run has made meanwhile.
    try (Renditions.Lease lease = audio.rendition(source.get(), format.get())) {
      serveFile(lease.path(), etag, format.get(), request, response);
    } catch (AudioException e) {
      failed(id, format.get(), e, response);
    }
  }

  private void serveFile(
      Path served,
      String etag,
      AudioFormat format,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, ServletException {
    request.setAttribute(RESOURCE, new Tagged(served, etag));
    request.setAttribute(TYPE, MediaType.parseMediaType(format.contentType()));
    handler.handleRequest(ifRangeApplied(request, etag, served), response);
  }

  /** 503 when every transcode slot stayed busy, else 500: the rendition could not be made. */
  private static void failed(
      long id, AudioFormat format, AudioException e, HttpServletResponse response)
      throws IOException {
    if (e instanceof TranscodeBusyException busy) {
      log.info("track {} as {}: {}", id, format.wireName(), e.getMessage());
      busy(response, busy);
    } else {
      log.warn("track {} as {}: {}", id, format.wireName(), e.getMessage());
      plain(response, 500, "the audio could not be prepared");
    }
  }

  private static String fileName(Track t, AudioFormat f) {
    String safe = safeName(t.name());
    return (safe.isEmpty() ? "track-" + t.id() : safe) + "." + f.extension();
  }

  /** {@code name} with the characters file systems refuse replaced by {@code _}, trimmed. */
  static String safeName(String name) {
    return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
  }

  /**
   * RFC 9110 §13.1.5: a {@code Range} under an {@code If-Range} that does not match the current
   * entity tag (strongly) or last-modified date is ignored, so the client gets the whole new file.
   * A rendition still being made ({@code file} null) has no date yet: only its tag can match.
   */
  private static HttpServletRequest ifRangeApplied(
      HttpServletRequest request, String etag, Path file) throws IOException {
    String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
    if (ifRange == null || request.getHeader(HttpHeaders.RANGE) == null) {
      return request;
    }
    boolean matches;
    if (ifRange.startsWith("\"")) {
      matches = ifRange.equals(etag);
    } else if (ifRange.startsWith("W/") || file == null) {
      matches = false;
    } else {
      try {
        Instant date =
            ZonedDateTime.parse(ifRange, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        matches =
            Files.getLastModifiedTime(file).toInstant().getEpochSecond() == date.getEpochSecond();
      } catch (DateTimeParseException e) {
        matches = false;
      }
    }
    if (matches) {
      return request;
    }
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return HttpHeaders.RANGE.equalsIgnoreCase(name) ? null : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return HttpHeaders.RANGE.equalsIgnoreCase(name)
            ? Collections.emptyEnumeration()
            : super.getHeaders(name);
      }
    };
  }

  /** A short plain-text answer (errors of the audio endpoints). */
  static void plain(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message + "\n");
  }

  /** 503 with {@code Retry-After}: every transcode slot stayed busy for the whole wait. */
  static void busy(HttpServletResponse response, TranscodeBusyException e) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    plain(
        response,
        503,
        "the server is busy transcoding other audio; try again in " + e.retryAfterSeconds() + " s");
  }

  /** A file with the entity tag of its rendition. */
  private static final class Tagged extends FileSystemResource {
    final String etag;

    Tagged(Path path, String etag) {
      super(path);
      this.etag = etag;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tagged t && super.equals(o) && etag.equals(t.etag);
    }

    @Override
    public int hashCode() {
      return super.hashCode() * 31 + etag.hashCode();
    }
  }

  /** Serves the resource the controller resolved for this request, as the content type chosen. */
  private static final class FileHandler extends ResourceHttpRequestHandler {
    @Override
    protected Resource getResource(HttpServletRequest request) {
      return (Resource) request.getAttribute(RESOURCE);
    }

    @Override
    protected MediaType getMediaType(HttpServletRequest request, Resource resource) {
      return (MediaType) request.getAttribute(TYPE);
    }
  }
}

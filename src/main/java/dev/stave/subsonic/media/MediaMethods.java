package dev.stave.subsonic.media;

import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFormat;
import dev.stave.audio.Covers;
import dev.stave.audio.TrackAudio;
import dev.stave.audio.TranscodeBusyException;
import dev.stave.audio.UrlSigner;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicCode;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The methods that answer bytes: {@code stream} and {@code download} (a track's audio) and {@code
 * getCoverArt} / {@code getAvatar} (pictures). Audio is served by the audio feature's own endpoint
 * ({@code /audio/track/{id}/{format}}, {@link dev.stave.audio.web.AudioStreamController}) through
 * an internal forward with a freshly signed path, so that Subsonic players get the same renditions,
 * transcode cache and slots, {@code Range}, {@code ETag} and {@code If-Range} handling as every
 * other player, without a redirect they might not follow. What that endpoint would answer in plain
 * text (no such track, no audio file, not downloadable) is checked first and answered as a Subsonic
 * error.
 *
 * <p>Format choice for {@code stream}: {@code format=raw} (or none and no {@code maxBitRate})
 * serves the original when it is MP3, Ogg Vorbis or FLAC, else MP3; {@code mp3} serves Stave's MP3
 * (about 96 kbps when {@code maxBitRate} is 1 to 128, else VBR ~190 kbps); {@code ogg}/{@code opus}
 * Ogg Vorbis; {@code flac} FLAC. {@code timeOffset} (seconds) applies to a transcoded stream: it is
 * encoded live from that point (ffmpeg {@code -ss}), without length or {@code Range}. A stream
 * served as the original file ignores it (the whole file, with {@code Range}, as Navidrome does):
 * cutting a FLAC or Ogg file at a time needs a re-encode that {@code format=raw} asked not to get.
 */
@Component
class MediaMethods implements SubsonicMethods {
  private static final Logger log = LoggerFactory.getLogger(MediaMethods.class);
  private static final CacheControl IMAGES =
      CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic();

  private final EntityCache entities;
  private final TrackAudio audio;
  private final UrlSigner signer;
  private final Covers covers;

  MediaMethods(EntityCache entities, TrackAudio audio, UrlSigner signer, Covers covers) {
    this.entities = entities;
    this.audio = audio;
    this.signer = signer;
    this.covers = covers;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("stream", r -> audio(r, false));
    m.put("download", r -> audio(r, true));
    m.put("getCoverArt", this::coverArt);
    m.put("getAvatar", this::avatar);
    return m;
  }

  private Node audio(SubsonicRequest r, boolean download) throws IOException {
    long id = r.requiredId("id");
    List<Track> track = entities.tracks(List.of(id));
    if (track.isEmpty()) {
      throw SubsonicException.notFound("song (parameter 'id')", id);
    }
    if (download && !track.getFirst().flags().downloadAllowed()) {
      throw new SubsonicException(
          SubsonicCode.NOT_AUTHORIZED, "song " + id + " may not be downloaded (its licence)");
    }
    Optional<TrackAudio.Source> source = audio.source(id);
    if (source.isEmpty()) {
      throw SubsonicException.notFound("audio file of song", id);
    }
    AudioFormat format = download ? original(source.get()) : streamFormat(r, source.get());
    int offset = download ? 0 : r.integer("timeOffset", 0, 0, Integer.MAX_VALUE);
    if (offset > 0 && !TrackAudio.servedAsIs(source.get(), format)) {
      return streamFrom(r, id, source.get(), format, offset);
    }
    String path = "/audio/track/" + id + "/" + format.wireName() + (download ? "/download" : "");
    HttpServletRequest asGet =
        new HttpServletRequestWrapper(r.servletRequest()) {
          @Override
          public String getMethod() {
            String m = super.getMethod();
            return "HEAD".equals(m) ? m : "GET";
          }
        };
    try {
      r.servletRequest()
          .getRequestDispatcher(path + "?" + signer.query(path))
          .forward(asGet, r.servletResponse());
    } catch (ServletException e) {
      throw new IllegalStateException("forward to " + path + " failed", e);
    }
    return SubsonicRequest.WRITTEN;
  }

  /**
   * A transcoded stream from {@code offset} seconds on, encoded live for this request: no length,
   * no {@code Range} (the player asked for a position in time instead), the transcode slots as for
   * any rendition (HTTP 503 and {@code Retry-After} when they stay busy).
   */
  private Node streamFrom(
      SubsonicRequest r, long id, TrackAudio.Source source, AudioFormat format, int offset)
      throws IOException {
    HttpServletResponse response = r.servletResponse();
    response.setContentType(format.contentType());
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "none");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if ("HEAD".equals(r.servletRequest().getMethod())) {
      return SubsonicRequest.WRITTEN;
    }
    try {
      audio.streamFrom(source, format, Duration.ofSeconds(offset), response.getOutputStream());
    } catch (TranscodeBusyException e) {
      // as the audio endpoint answers a busy transcode (players read the status of a stream)
      response.reset();
      response.setStatus(503);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(e.getMessage() + "\n");
    } catch (AudioException e) {
      if (!response.isCommitted()) {
        throw e;
      }
      // the player went away mid-stream (or ffmpeg stopped): nothing more to tell it
      log.debug("stream of song {} from {} s ended early: {}", id, offset, e.getMessage());
    }
    return SubsonicRequest.WRITTEN;
  }

  private static AudioFormat streamFormat(SubsonicRequest r, TrackAudio.Source source) {
    int maxBitRate = r.integer("maxBitRate", 0, 0, 100_000);
    String format = r.string("format").orElse(null);
    boolean low = maxBitRate > 0 && maxBitRate <= 128;
    if (format == null) {
      return low ? AudioFormat.MP31 : original(source);
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "raw" -> original(source);
      case "mp3" -> low ? AudioFormat.MP31 : AudioFormat.MP32;
      case "ogg", "oga", "opus", "vorbis" -> AudioFormat.OGG;
      case "flac" -> AudioFormat.FLAC;
      default ->
          throw SubsonicException.invalid("format", "must be raw, mp3, ogg, opus or flac", format);
    };
  }

  /** The rendition that is the original file itself, or MP3 for an original of another kind. */
  private static AudioFormat original(TrackAudio.Source source) {
    String codec = source.file().codec();
    String container = source.file().container();
    for (AudioFormat f : List.of(AudioFormat.MP32, AudioFormat.OGG, AudioFormat.FLAC)) {
      if (f.servedByOriginal(codec, container, source.file().bitrateKbps())) {
        return f;
      }
    }
    return AudioFormat.MP32;
  }

  /** A cover by its id ({@code al-N}, {@code ar-N}, {@code tr-N}; a plain id: the song's). */
  private Node coverArt(SubsonicRequest r) throws IOException {
    String id = r.required("id");
    long n = r.requiredId("id");
    int size = r.integer("size", Covers.DEFAULT_WIDTH, 1, 10_000);
    int width = Covers.snap(size, Covers.COVER_WIDTHS);
    Covers.Image image;
    try {
      if (id.startsWith("ar-")) {
        image = exists(entities.artists(List.of(n)), id) ? covers.artist(n, width) : null;
      } else if (id.startsWith("tr-")) {
        image = exists(entities.tracks(List.of(n)), id) ? covers.track(n, width) : null;
      } else if (id.startsWith("al-")) {
        image = exists(entities.albums(List.of(n)), id) ? covers.album(n, width) : null;
      } else {
        image = exists(entities.tracks(List.of(n)), id) ? covers.track(n, width) : null;
      }
    } catch (AudioException e) {
      log.warn("cover art {}: the picture could not be read: {}", id, e.getMessage());
      image = covers.neutral(width);
    }
    return write(r, image);
  }

  /** Stave keeps no avatars: the neutral picture for the caller's own user. */
  private Node avatar(SubsonicRequest r) throws IOException {
    String name = r.required("username");
    if (!name.equalsIgnoreCase(r.caller().userName())) {
      throw new SubsonicException(
          SubsonicCode.NOT_AUTHORIZED, "parameter 'username': only your own avatar");
    }
    return write(r, covers.neutral(Covers.snap(null, Covers.AVATAR_WIDTHS)));
  }

  private static boolean exists(List<?> found, String id) {
    if (found.isEmpty()) {
      throw SubsonicException.notFound("cover art (parameter 'id')", id);
    }
    return true;
  }

  private static Node write(SubsonicRequest r, Covers.Image image) throws IOException {
    HttpServletResponse response = r.servletResponse();
    response.setHeader(HttpHeaders.CACHE_CONTROL, IMAGES.getHeaderValue());
    if (new ServletWebRequest(r.servletRequest(), response).checkNotModified(image.etag())) {
      return SubsonicRequest.WRITTEN;
    }
    response.setContentType(image.contentType());
    response.setContentLength(image.bytes().length);
    if (!"HEAD".equals(r.servletRequest().getMethod())) {
      response.getOutputStream().write(image.bytes());
    }
    return SubsonicRequest.WRITTEN;
  }
}

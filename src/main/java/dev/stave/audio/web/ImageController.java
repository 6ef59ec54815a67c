package dev.stave.audio.web;

import dev.stave.audio.AudioException;
import dev.stave.audio.Covers;
import dev.stave.catalog.EntityCache;
import dev.stave.library.LibraryStore;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code GET|HEAD /images/{album|track|artist|user}/{id}?width=N}: the images the dialects link to
 * when the catalog holds no image URL of its own ({@link Covers}). Public (not signed), with an
 * {@code ETag} that names the picture and size, {@code If-None-Match} answered 304, and {@code
 * Cache-Control}: a day for a real picture, an hour for the neutral image (a rescan may bring a
 * cover). A width that is not allowed snaps to the nearest allowed one; 404 for an unknown entity.
 */
@Controller
public class ImageController {
  private static final Logger log = LoggerFactory.getLogger(ImageController.class);
  private static final CacheControl REAL = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
  private static final CacheControl NEUTRAL =
      CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

  private final Covers covers;
  private final EntityCache entities;
  private final LibraryStore library;

  public ImageController(Covers covers, EntityCache entities, LibraryStore library) {
    this.covers = covers;
    this.entities = entities;
    this.library = library;
  }

  @GetMapping("/images/{kind}/{id}")
  public void image(
      @PathVariable String kind,
      @PathVariable String id,
      @RequestParam(required = false) String width,
      ServletWebRequest web,
      HttpServletResponse response)
      throws IOException {
    if (!id.matches("\\d{1,18}")) {
      AudioStreamController.plain(response, 404, "no such image");
      return;
    }
    long n = Long.parseLong(id);
    Integer asked = width != null && width.matches("\\d{1,6}") ? Integer.valueOf(width) : null;
    int cover = Covers.snap(asked, Covers.COVER_WIDTHS);
    Covers.Image image;
    try {
      image =
          switch (kind) {
            case "album" -> entities.albums(List.of(n)).isEmpty() ? null : covers.album(n, cover);
            case "track" -> entities.tracks(List.of(n)).isEmpty() ? null : covers.track(n, cover);
            case "artist" ->
                entities.artists(List.of(n)).isEmpty() ? null : covers.artist(n, cover);
            case "user" ->
                library.users(List.of(n)).isEmpty()
                    ? null
                    : covers.neutral(Covers.snap(asked, Covers.AVATAR_WIDTHS));
            default -> null;
          };
    } catch (AudioException e) {
      log.warn("{} {}: the picture could not be read: {}", kind, n, e.getMessage());
      image = covers.neutral(cover);
    }
    if (image == null) {
      AudioStreamController.plain(response, 404, "no such " + kind);
      return;
    }
    response.setHeader(
        HttpHeaders.CACHE_CONTROL, (image.fallback() ? NEUTRAL : REAL).getHeaderValue());
    if (web.checkNotModified(image.etag())) {
      return;
    }
    byte[] bytes = image.bytes();
    response.setContentType(image.contentType());
    response.setContentLength(bytes.length);
    if (!"HEAD".equals(web.getRequest().getMethod())) {
      response.getOutputStream().write(bytes);
    }
  }
}

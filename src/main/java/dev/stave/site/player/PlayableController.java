package dev.stave.site.player;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /tracks/{id}/playable}: the player's question "what do I play for this track?",
 * answered in JSON ({@link PlayableTrack}). Pages name only track ids (fragments/play.html); the
 * player script asks here when a play button is pressed.
 *
 * <p>Errors are JSON too, with the parameter named ({@code {"error": …}}): a malformed id is 400,
 * an unknown track 404. A track without audio is not an error: it is a 200 whose {@code message}
 * the player shows. Answers may be kept by the browser for a few minutes: the signed URLs inside
 * stay valid for hours ({@code stave.audio.url-ttl}).
 */
@RestController
public class PlayableController {
  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

  private final PlayableTracks tracks;

  public PlayableController(PlayableTracks tracks) {
    this.tracks = tracks;
  }

  @GetMapping("/tracks/{id}/playable")
  public ResponseEntity<?> playable(@PathVariable String id) {
    if (!id.matches("\\d{1,18}")) {
      return error(HttpStatus.BAD_REQUEST, "id: “" + id + "” is not a track id");
    }
    return tracks
        .find(Long.parseLong(id))
        .<ResponseEntity<?>>map(t -> ResponseEntity.ok().cacheControl(CACHE).body(t))
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "id: no track " + id + " in this catalog"));
  }

  private static ResponseEntity<?> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}

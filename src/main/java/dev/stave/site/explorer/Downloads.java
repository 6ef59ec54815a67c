package dev.stave.site.explorer;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.UrlSigner;
import dev.stave.catalog.Track;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The zip links of album and playlist pages. The rule is the catalog's, as Jamendo's {@code
 * albums/file} and the zip endpoint apply it: the album's (or playlist's) {@code zipAllowed}; and
 * the zip endpoint leaves out tracks that may not be downloaded or have no audio file, answering
 * 404 when none is left, so a page offers the link only when at least one track would be in it. The
 * link is the zip endpoint's signed URL, relative to this server, the same the APIs hand out.
 */
@Component
public class Downloads {
  private final UrlSigner signer;
  private final AudioAvailability audio;

  public Downloads(UrlSigner signer, AudioAvailability audio) {
    this.signer = signer;
    this.audio = audio;
  }

  /** The album's zip URL, when the catalog allows it and something would be in it. */
  public Optional<String> albumZip(long albumId, boolean zipAllowed, List<Track> tracks) {
    return zip("/audio/album/" + albumId + "/mp32/zip", zipAllowed, tracks);
  }

  /** The playlist's zip URL, when the catalog allows it and something would be in it. */
  public Optional<String> playlistZip(long playlistId, boolean zipAllowed, List<Track> tracks) {
    return zip("/audio/playlist/" + playlistId + "/mp32/zip", zipAllowed, tracks);
  }

  private Optional<String> zip(String path, boolean zipAllowed, List<Track> tracks) {
    if (!zipAllowed) {
      return Optional.empty();
    }
    audio.prefetch(tracks.stream().map(Track::id).toList());
    boolean any = tracks.stream().anyMatch(t -> t.flags().downloadAllowed() && audio.has(t.id()));
    return any ? Optional.of(path + "?" + signer.query(path)) : Optional.empty();
  }
}

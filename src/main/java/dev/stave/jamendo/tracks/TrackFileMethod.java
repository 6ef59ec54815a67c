package dev.stave.jamendo.tracks;

import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.FileMethod;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/tracks/file} (spec §8.20): HTTP 302 to the track's audio in {@code audioformat}
 * (default mp31): its download URL for {@code action=download} (the default), its stream URL for
 * {@code action=stream}; HTTP 404 when the track does not exist, or for a download when the track
 * may not be downloaded, and for both when the track has no audio file (its {@code audio} URL is
 * empty too). A stream is never refused because downloads are not allowed: the {@code audio} URL of
 * such a track is handed out by {@code tracks} too. {@code fullcount} is accepted and means nothing
 * here.
 */
@Component
public class TrackFileMethod extends FileMethod {
  private final EntityCache store;
  private final JamendoLinks links;

  public TrackFileMethod(EntityCache store, JamendoLinks links) {
    super("tracks/file", "track", "audioformat", "action", "fullcount");
    this.store = store;
    this.links = links;
  }

  @Override
  protected Result answer(long id, JamendoParams params) {
    String format = params.oneOf("audioformat", TrackView.AUDIO_FORMATS).orElse("mp31");
    boolean stream =
        params.oneOf("action", List.of("download", "stream")).orElse("download").equals("stream");
    params.bool("fullcount");
    Optional<Track> track = store.tracks(List.of(id)).stream().findFirst();
    if (track.isEmpty()) {
      return Result.notFound("no track " + id);
    }
    if (!links.hasAudio(id)) {
      return Result.notFound("track " + id + " has no audio file");
    }
    if (stream) {
      return Result.redirect(links.stream(id, format));
    }
    if (!track.get().flags().downloadAllowed()) {
      return Result.notFound("track " + id + " may not be downloaded");
    }
    return Result.redirect(links.download(id, format));
  }
}

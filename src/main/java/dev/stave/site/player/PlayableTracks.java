package dev.stave.site.player;

import dev.stave.audio.AudioFile;
import dev.stave.audio.AudioFormat;
import dev.stave.audio.TrackAudio;
import dev.stave.audio.UrlSigner;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Makes a {@link PlayableTrack} from the catalog and the track's audio file: the same signed URLs
 * of the same audio endpoint ({@code /audio/track/{id}/{format}}) the Jamendo dialect hands out, so
 * the browser's player streams exactly what an API client would, with Range requests for seeking.
 *
 * <p>Decision: the URLs are relative (same origin as the page), not on {@code stave.public-url},
 * because the page's content security policy admits media from its own origin only, whatever name
 * the visitor reached the server by. Every format is offered; those the original file already is
 * come first, so a browser that can play the original starts without waiting for ffmpeg.
 */
@Component
public class PlayableTracks {
  private static final int COVER_WIDTH = 300;

  private final EntityCache entities;
  private final TrackAudio audio;
  private final UrlSigner signer;

  public PlayableTracks(EntityCache entities, TrackAudio audio, UrlSigner signer) {
    this.entities = entities;
    this.audio = audio;
    this.signer = signer;
  }

  /** The track's playable form; empty when no track has this id. */
  public Optional<PlayableTrack> find(long trackId) {
    List<Track> found = entities.tracks(List.of(trackId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Track track = found.getFirst();
    String artist =
        entities.artists(List.of(track.artistIds().getFirst())).stream()
            .map(Artist::name)
            .findFirst()
            .orElse("");
    String album =
        track.albumId() == null
            ? ""
            : entities.albums(List.of(track.albumId())).stream()
                .map(Album::name)
                .findFirst()
                .orElse("");
    List<PlayableTrack.Source> sources =
        audio.source(trackId).map(s -> sources(trackId, s.file())).orElse(List.of());
    return Optional.of(
        new PlayableTrack(
            trackId,
            track.name(),
            artist,
            album,
            "/tracks/" + trackId,
            "/images/track/" + trackId + "?width=" + COVER_WIDTH,
            track.durationMs() / 1000.0,
            sources,
            sources.isEmpty() ? PlayableTrack.NO_AUDIO : null));
  }

  private List<PlayableTrack.Source> sources(long trackId, AudioFile file) {
    List<PlayableTrack.Source> out = new ArrayList<>();
    for (AudioFormat format : AudioFormat.values()) {
      String path = "/audio/track/" + trackId + "/" + format.wireName();
      out.add(
          new PlayableTrack.Source(
              format.wireName(),
              format.contentType(),
              path + "?" + signer.query(path),
              format.servedByOriginal(file.codec(), file.container(), file.bitrateKbps())));
    }
    // Stable sort: originals first, otherwise AudioFormat's order (mp31 … flac).
    out.sort(Comparator.comparing(s -> !s.original()));
    return out;
  }
}

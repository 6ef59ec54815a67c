package dev.stave.site.player;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the player needs to play one track, as {@code GET /tracks/{id}/playable} answers it: what to
 * show (title, artist, album, cover, duration, the track's page) and where the audio is, in every
 * format Stave serves, the browser picking the first it can play ({@code canPlayType}).
 *
 * @param durationSeconds the catalog's duration; the audio element's own figure replaces it once
 *     the file's metadata is loaded
 * @param sources signed stream URLs, the formats the original file already is first (they start at
 *     once; the others may need a transcode on first play); empty when the track has no audio here
 * @param message why there is nothing to play, for the player to show; null when there are sources
 */
public record PlayableTrack(
    long id,
    String title,
    String artist,
    String album,
    String page,
    String cover,
    double durationSeconds,
    List<Source> sources,
    String message) {

  /** The player's words when a track has no audio file on this server. */
  public static final String NO_AUDIO = "No audio for this track on this server.";

  public PlayableTrack {
    sources = List.copyOf(sources);
  }

  /** Whether there is anything to play (written into the JSON for the player). */
  @JsonProperty("playable")
  public boolean playable() {
    return !sources.isEmpty();
  }

  /**
   * One way to hear the track.
   *
   * @param format Stave's wire name ({@code mp31}, {@code mp32}, {@code ogg}, {@code flac})
   * @param type the MIME type the audio endpoint answers with, for {@code canPlayType}
   * @param url a signed, same-origin URL served with HTTP Range support
   * @param original whether the stored file is served as it is (no transcode before the first byte)
   */
  public record Source(String format, String type, String url, boolean original) {}
}

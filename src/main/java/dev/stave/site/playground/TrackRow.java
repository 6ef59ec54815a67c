package dev.stave.site.playground;

/**
 * A track as a row of the playground (a seed, a suggestion, a recommendation).
 *
 * @param albumId null for a single
 * @param score the recommendation's score in (0, 1]; null where the row is not a recommendation
 * @param playable whether the track has audio on this server (else the row says so)
 */
public record TrackRow(
    long id,
    String title,
    long artistId,
    String artist,
    Long albumId,
    String album,
    long durationMs,
    Double score,
    boolean playable) {

  /** Minutes and seconds. */
  public String duration() {
    long s = durationMs / 1000;
    return s / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
  }

  /** "Title — Artist", for labels. */
  public String name() {
    return title + " — " + artist;
  }
}

package dev.stave.catalog;

/** Usage counters of a track, as Jamendo's {@code stats} include shows them. */
public record TrackStats(
    long listensWeek,
    long listensMonth,
    long listensTotal,
    long downloadsWeek,
    long downloadsMonth,
    long downloadsTotal,
    long playlisted,
    long favorited,
    long likes,
    long dislikes,
    Double avgNote,
    long noteCount) {
  public static final TrackStats ZERO = new TrackStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0);
}

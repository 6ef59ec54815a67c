package dev.stave.catalog;

/** Rights and editorial flags of a track. */
public record TrackFlags(
    boolean downloadAllowed, boolean contentIdFree, boolean featured, boolean explicit) {
  public static final TrackFlags DEFAULT = new TrackFlags(true, false, false, false);
}

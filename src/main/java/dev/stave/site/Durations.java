package dev.stave.site;

import java.util.Locale;

/** Durations as people read them on a music page: {@code 3:07}, {@code 1:02:45}. */
public final class Durations {
  private Durations() {}

  /** {@code m:ss} below an hour, {@code h:mm:ss} from an hour on; negative counts as zero. */
  public static String clock(long ms) {
    long s = Math.max(0, ms) / 1000;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }

  /** Words for a screen reader and a tooltip: {@code 3 min 7 s}, {@code 1 h 2 min}. */
  public static String words(long ms) {
    long s = Math.max(0, ms) / 1000;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    if (h > 0) {
      return h + " h " + m + " min";
    }
    return m + " min " + (s % 60) + " s";
  }
}

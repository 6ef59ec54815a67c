package dev.stave.access;

import java.util.Locale;

/**
 * A SQL {@code LIKE} pattern for "contains this text", lower-cased, with {@code \} as the escape
 * character (write {@code LIKE ? ESCAPE '\'}), so that a {@code %} or {@code _} someone types in a
 * search box matches itself instead of anything. Used by the operator console's searches of apps
 * and accounts: tables small next to the catalog, where a substring scan is cheap (the catalog is
 * searched through Lucene only).
 */
public final class LikePattern {
  private LikePattern() {}

  /** {@code %text%}, escaped and lower-cased; {@code %} (everything) for null or blank. */
  public static String contains(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}

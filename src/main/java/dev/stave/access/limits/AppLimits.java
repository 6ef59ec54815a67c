package dev.stave.access.limits;

import java.util.Locale;

/**
 * One app's own limits. A null field follows the server's default ({@code stave.limits.app.*}); 0
 * means no limit.
 *
 * @param perMinute requests per minute, from all the app's callers together
 * @param monthly the monthly quota (soft limit; the hard limit lies {@code
 *     stave.limits.app.monthly-hard-percent} of it further)
 */
public record AppLimits(Long perMinute, Long monthly) {
  public static final AppLimits DEFAULTS = new AppLimits(null, null);

  public AppLimits {
    if ((perMinute != null && perMinute < 0) || (monthly != null && monthly < 0)) {
      throw new IllegalArgumentException("a limit is a count of requests, 0 or more");
    }
  }

  /**
   * A limit as an operator types it ({@code stave apps set-limits}, the operator console): a count
   * of requests (commas and underscores allowed), {@code unlimited} (0), {@code default} (null:
   * follow the server's default), or {@code current} when nothing was given.
   *
   * @param name how the value is named in the error message (an option, a form field)
   * @throws IllegalArgumentException for anything else, naming {@code name}
   */
  public static Long parse(String name, String given, Long current) {
    if (given == null || given.isBlank()) {
      return current;
    }
    String v = given.strip().toLowerCase(Locale.ROOT).replace(",", "").replace("_", "");
    if (v.equals("default")) {
      return null;
    }
    if (v.equals("unlimited")) {
      return 0L;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a number of requests, 'unlimited' or 'default'; got '" + given + "'");
  }

  /**
   * The limits in force as an operator reads them: {@code 6,000/minute (default), 35,000/month},
   * {@code unlimited/month}, or {@code off} when the server enforces no limits.
   */
  public String describe(LimitsProperties server) {
    if (!server.enabled()) {
      return "off";
    }
    return text(perMinute, server.app().perMinute(), "minute")
        + ", "
        + text(monthly, server.app().monthly(), "month");
  }

  private static String text(Long own, long fallback, String per) {
    long n = own == null ? fallback : own;
    String text = (n == 0 ? "unlimited" : String.format(Locale.ROOT, "%,d", n)) + "/" + per;
    return own == null ? text + " (default)" : text;
  }

  /** The limits in force: this app's own where set, else the server's. */
  public AppLimits orDefaults(LimitsProperties.AppDefaults defaults) {
    return new AppLimits(
        perMinute == null ? defaults.perMinute() : perMinute,
        monthly == null ? defaults.monthly() : monthly);
  }
}

package dev.stave.access.limits;

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

  /** The limits in force: this app's own where set, else the server's. */
  public AppLimits orDefaults(LimitsProperties.AppDefaults defaults) {
    return new AppLimits(
        perMinute == null ? defaults.perMinute() : perMinute,
        monthly == null ? defaults.monthly() : monthly);
  }
}

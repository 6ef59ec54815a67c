package dev.stave.access.limits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the limits say about one request: whether it may go on, how much of each limit is left after
 * it, and whether it went past the monthly quota (the soft limit: the request is answered, with a
 * usage warning instead of results).
 *
 * @param now the limiter's time when the request came
 * @param usages every limit the request counted against, in the order checked
 * @param refusal the limit that refused the request, or null when it may go on
 * @param overQuota true when the request went past its app's monthly quota, not its hard limit
 */
public record Verdict(Instant now, List<Usage> usages, Usage refusal, boolean overQuota) {
  private static final DateTimeFormatter RESET_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The state of one limit after a request.
   *
   * @param remaining requests still allowed in the window (0 when refused or past the quota)
   * @param resetSeconds seconds until the window starts again (at least 1)
   */
  public record Usage(Limit limit, long remaining, long resetSeconds) {}

  public Verdict {
    usages = List.copyOf(usages);
  }

  /** No limit counted (yet): limits are off, or none applies. */
  public static Verdict unlimited(Instant now) {
    return new Verdict(now, List.of(), null, false);
  }

  public boolean allowed() {
    return refusal == null;
  }

  /**
   * The limit to report in the rate-limit headers: the one that refused, else the one closest to
   * running out (fewest remaining requests; the later reset on a tie). Empty when no limit counted.
   */
  public Optional<Usage> tightest() {
    if (refusal != null) {
      return Optional.of(refusal);
    }
    return usages.stream()
        .min(
            Comparator.comparingLong(Usage::remaining)
                .thenComparing(Comparator.comparingLong(Usage::resetSeconds).reversed()));
  }

  /** Seconds a refused caller should wait before the refusing limit lets it through again. */
  public long retryAfterSeconds() {
    return refusal == null ? 0 : refusal.resetSeconds();
  }

  /** When the refusing limit starts again, as an ISO instant (whole seconds, UTC). */
  public String resetAt() {
    return RESET_DATE.format(now.plusSeconds(retryAfterSeconds()));
  }

  /**
   * A sentence naming the limit that refused the request and when it resets, e.g. "The limit of 50
   * requests per second per IP address is reached; it resets in 1 second".
   */
  public String refusalMessage() {
    if (refusal == null) {
      return "";
    }
    String what = refusal.limit().describe();
    String sentence = Character.toUpperCase(what.charAt(0)) + what.substring(1);
    long s = retryAfterSeconds();
    String in = s == 1 ? "1 second" : s + " seconds";
    return refusal.limit().window() == Limit.Window.MONTH
        ? sentence + " is used up; it resets on " + resetAt() + " (in " + in + ")"
        : sentence + " is reached; it resets in " + in;
  }

  Verdict with(Usage usage, boolean pastQuota) {
    List<Usage> all = new ArrayList<>(usages);
    all.add(usage);
    return new Verdict(now, all, null, overQuota || pastQuota);
  }

  Verdict refusedBy(Usage usage) {
    return new Verdict(now, usages, usage, false);
  }
}

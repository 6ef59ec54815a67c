package dev.stave.access.limits;

import dev.stave.access.limits.Limit.Scope;
import dev.stave.access.limits.Limit.Window;
import dev.stave.access.limits.Verdict.Usage;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests against the limits of their caller address and of their app (spec: Jamendo §11,
 * ReccoBeats §6), with Bucket4j token buckets that refill all at once at the end of each window.
 * Dialect-neutral: a dialect asks for a {@link Verdict} and answers a refusal in its own words.
 *
 * <ul>
 *   <li>Per caller address: a burst limit per second and a sustained one per minute.
 *   <li>Per app: requests per minute from all its callers, and a monthly quota per calendar month
 *       (UTC). Past the quota (the soft limit) requests are still answered, flagged {@link
 *       Verdict#overQuota()}; past {@code monthly-hard-percent} of it (the hard limit) they are
 *       refused until the month ends. A request the hard limit refuses still counts for the month;
 *       one a rate limit refuses does not reach the monthly count.
 * </ul>
 *
 * <p>If the bucket store fails (the shared database is unreachable), the request is let through and
 * a warning is logged: limits protect the service, they must not take it down.
 */
public class RateLimiter {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  /** The monthly counter's capacity: more requests than any month can hold. */
  private static final long COUNTER_CAPACITY = 1L << 40;

  private final LimitsProperties props;
  private final Buckets buckets;
  private final AppLimitsStore appLimits;
  private final Clock clock;
  private final List<AddressRange> exempt;

  RateLimiter(LimitsProperties props, Buckets buckets, AppLimitsStore appLimits, Clock clock) {
    this.props = props;
    this.buckets = buckets;
    this.appLimits = appLimits;
    this.clock = clock;
    this.exempt = props.ip().exempt().stream().map(AddressRange::parse).toList();
  }

  public boolean enabled() {
    return props.enabled();
  }

  /**
   * Counts a request from {@code address} (an IP literal) against the per-address limits, unless
   * the address is exempt ({@code stave.limits.ip.exempt}).
   */
  public Verdict admitCaller(String address) {
    Verdict v = Verdict.unlimited(clock.instant());
    if (!props.enabled()) {
      return v;
    }
    byte[] raw = AddressRange.literal(address);
    if (isExempt(raw)) {
      return v;
    }
    String subject = "ip:" + callerKey(raw, address);
    v = take(v, subject, Limit.rate(Scope.CALLER, Window.SECOND, props.ip().perSecond()));
    return take(v, subject, Limit.rate(Scope.CALLER, Window.MINUTE, props.ip().perMinute()));
  }

  /**
   * Counts an expensive request (an audio upload for analysis) from {@code address} against its own
   * per-address limit ({@code stave.limits.ip.analysis-per-minute}), after the caller's verdict;
   * exempt addresses are not counted, and a request already refused is not counted again.
   */
  public Verdict admitAnalysis(String address, Verdict caller) {
    if (!props.enabled() || !caller.allowed()) {
      return caller;
    }
    byte[] raw = AddressRange.literal(address);
    if (isExempt(raw)) {
      return caller;
    }
    return take(
        caller,
        "analysis:ip:" + callerKey(raw, address),
        Limit.rate(Scope.CALLER, Window.MINUTE, props.ip().analysisPerMinute()));
  }

  /**
   * Counts a request of the app {@code clientId} (known and active) against its limits, after its
   * caller's verdict; a request its caller's limits refused is not counted again.
   */
  public Verdict admitApp(String clientId, Verdict caller) {
    if (!props.enabled() || !caller.allowed()) {
      return caller;
    }
    AppLimits limits =
        appLimits.findRecent(clientId).orElse(AppLimits.DEFAULTS).orDefaults(props.app());
    String subject = "app:" + clientId;
    Verdict v = take(caller, subject, Limit.rate(Scope.APP, Window.MINUTE, limits.perMinute()));
    if (!v.allowed() || limits.monthly() == 0) {
      return v;
    }
    return countMonth(v, clientId, limits.monthly());
  }

  /**
   * Counts a request made in the name of the account {@code userId} (a dialect that authenticates
   * each request as a user rather than an app, such as a music player's) against the per-minute
   * limit every app has by default ({@code stave.limits.app.per-minute}), after its caller's
   * verdict; a request its caller's limits refused is not counted again. No monthly quota: a
   * listener's player is not an app with a plan.
   */
  public Verdict admitAccount(long userId, Verdict caller) {
    if (!props.enabled() || !caller.allowed()) {
      return caller;
    }
    return take(
        caller,
        "account:" + userId,
        Limit.rate(Scope.ACCOUNT, Window.MINUTE, props.app().perMinute()));
  }

  private Verdict take(Verdict v, String subject, Limit limit) {
    long n = limit.requests();
    if (!v.allowed() || n <= 0) {
      return v;
    }
    Duration window =
        limit.window() == Window.SECOND ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
    String key = subject + ":" + n + "/" + window.toSeconds() + "s";
    ConsumptionProbe p =
        consume(key, Bandwidth.builder().capacity(n).refillIntervally(n, window).build());
    if (p == null) {
      return v;
    }
    if (p.isConsumed()) {
      return v.with(
          new Usage(limit, p.getRemainingTokens(), seconds(p.getNanosToWaitForReset())), false);
    }
    return v.refusedBy(new Usage(limit, 0, seconds(p.getNanosToWaitForRefill())));
  }

  /**
   * The month's count is a bucket that never refills within the month (its key names the month), so
   * the number of requests so far is its capacity minus its tokens; a changed quota keeps it.
   */
  private Verdict countMonth(Verdict v, String clientId, long quota) {
    YearMonth month = YearMonth.from(v.now().atOffset(ZoneOffset.UTC));
    Instant next = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long reset = Math.max(1, Duration.between(v.now(), next).toSeconds());
    long hard = hardLimit(quota);
    Limit limit = new Limit(Scope.APP, Window.MONTH, quota, hard);
    ConsumptionProbe p =
        consume(
            "month:" + clientId + ":" + month,
            Bandwidth.builder()
                .capacity(COUNTER_CAPACITY)
                .refillIntervally(COUNTER_CAPACITY, Duration.ofDays(366))
                .build());
    if (p == null) {
      return v;
    }
    long used = COUNTER_CAPACITY - p.getRemainingTokens();
    if (used > hard) {
      return v.refusedBy(new Usage(limit, 0, reset));
    }
    return v.with(new Usage(limit, Math.max(0, quota - used), reset), used > quota);
  }

  private long hardLimit(long quota) {
    long percent = Math.max(100, props.app().monthlyHardPercent());
    if (quota > Long.MAX_VALUE / percent) {
      return quota;
    }
    return Math.max(quota, (quota * percent + 99) / 100);
  }

  private ConsumptionProbe consume(String key, Bandwidth bandwidth) {
    try {
      return buckets.tryConsume(key, bandwidth);
    } catch (RuntimeException e) {
      log.warn("Rate limit bucket {} unavailable, request let through: {}", key, e.toString());
      return null;
    }
  }

  private boolean isExempt(byte[] raw) {
    return raw != null && exempt.stream().anyMatch(r -> r.contains(raw));
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  /**
   * The bucket key of a caller address: the address itself, or for IPv6 its /64 network (one
   * subscriber usually holds a whole /64, and could otherwise change address at will).
   */
  static String callerKey(byte[] raw, String address) {
    if (raw == null) {
      return address == null || address.isBlank() ? "unknown" : address.strip();
    }
    if (raw.length == 4) {
      return (raw[0] & 0xff)
          + "."
          + (raw[1] & 0xff)
          + "."
          + (raw[2] & 0xff)
          + "."
          + (raw[3] & 0xff);
    }
    return HexFormat.of().formatHex(raw, 0, 8) + "::/64";
  }
}

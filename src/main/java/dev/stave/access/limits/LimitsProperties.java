package dev.stave.access.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits and quotas ({@code stave.limits.*}). Every count of 0 means "no such limit". The
 * defaults are generous, for a self-hosted server: they stop a runaway client, not a busy one.
 *
 * @param enabled false turns every limit (and the rate-limit headers) off
 * @param ip limits per caller IP address (an IPv6 caller: per /64 network), over every dialect
 * @param app the default limits of each app; {@code stave apps set-limits} overrides them per app
 * @param memoryKeys how many buckets (addresses, apps, months) the in-memory store keeps at most
 *     (SQLite; PostgreSQL keeps them in the database)
 */
@ConfigurationProperties("stave.limits")
public record LimitsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue Ip ip,
    @DefaultValue AppDefaults app,
    @DefaultValue("100000") long memoryKeys) {

  /**
   * Limits per caller address.
   *
   * @param perSecond burst: requests per second from one address
   * @param perMinute sustained: requests per minute from one address
   * @param exempt addresses and CIDR networks the per-address limits do not count (their apps'
   *     limits still do): by default this machine itself, so that local tools, benchmarks and a
   *     reverse proxy that does not forward the client address are not throttled as one caller
   * @param analysisPerMinute uploads for audio analysis ({@code POST /v1/analysis/audio-features})
   *     per minute from one address, on top of the limits above: each decodes and analyses up to 30
   *     s of audio, hundreds of times the cost of a lookup
   */
  public record Ip(
      @DefaultValue("50") long perSecond,
      @DefaultValue("1200") long perMinute,
      @DefaultValue({"127.0.0.0/8", "::1"}) List<String> exempt,
      @DefaultValue("20") long analysisPerMinute) {}

  /**
   * The default limits of every app.
   *
   * @param perMinute requests per minute of one app, from all its callers together
   * @param monthly the monthly quota of one app (calendar month, UTC): past it answers carry a
   *     usage warning instead of results (the soft limit)
   * @param monthlyHardPercent where the hard limit lies, in percent of the monthly quota: past it
   *     requests are refused until the month ends
   */
  public record AppDefaults(
      @DefaultValue("6000") long perMinute,
      @DefaultValue("500000") long monthly,
      @DefaultValue("110") int monthlyHardPercent) {}
}

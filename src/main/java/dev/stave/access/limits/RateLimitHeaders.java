package dev.stave.access.limits;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The rate-limit headers every limited response carries, for the limit closest to running out
 * ({@link Verdict#tightest()}):
 *
 * <ul>
 *   <li>{@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} (seconds
 *       until the window starts again), as the IETF draft {@code
 *       draft-ietf-httpapi-ratelimit-headers} first defined them;
 *   <li>{@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}, the
 *       older common form, whose reset is a Unix time in seconds (as GitHub's);
 *   <li>{@code Retry-After} (seconds) when the request was refused.
 * </ul>
 */
public final class RateLimitHeaders {
  private RateLimitHeaders() {}

  /** Sets (replaces) the headers for {@code verdict}; sets none when no limit counted. */
  public static void write(Verdict verdict, HttpServletResponse response) {
    verdict
        .tightest()
        .ifPresent(
            u -> {
              String limit = Long.toString(u.limit().requests());
              String remaining = Long.toString(u.remaining());
              response.setHeader("RateLimit-Limit", limit);
              response.setHeader("RateLimit-Remaining", remaining);
              response.setHeader("RateLimit-Reset", Long.toString(u.resetSeconds()));
              response.setHeader("X-RateLimit-Limit", limit);
              response.setHeader("X-RateLimit-Remaining", remaining);
              response.setHeader(
                  "X-RateLimit-Reset",
                  Long.toString(verdict.now().getEpochSecond() + u.resetSeconds()));
            });
    if (!verdict.allowed()) {
      response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
    }
  }
}

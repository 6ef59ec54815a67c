package dev.stave.reccobeats.api;

import dev.stave.access.limits.RateLimitHeaders;
import dev.stave.access.limits.RateLimiter;
import dev.stave.access.limits.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rate limits in the ReccoBeats dialect (spec §6). The API has no keys, so every request counts
 * against the limits of its caller address only (there is no app to count it against). Every answer
 * carries the rate-limit headers; over a limit the answer is HTTP 429 with {@code Retry-After}
 * (whole seconds) and envelope A with code 4291, "Too many request, retry after N seconds", worded
 * as ReccoBeats words it. CORS preflights are not counted. Uploads for analysis ({@code POST
 * /v1/analysis/audio-features}) also count against a tighter per-address limit of their own ({@code
 * stave.limits.ip.analysis-per-minute}), answered the same way.
 */
@Component
class ReccoBeatsLimits implements HandlerInterceptor {
  /** The expensive endpoint (ReccoBeats E8), which has a tighter limit of its own. */
  static final String ANALYSIS_UPLOAD = "/v1/analysis/audio-features";

  private final RateLimiter limiter;

  ReccoBeatsLimits(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (CorsUtils.isPreFlightRequest(request)) {
      return true;
    }
    Verdict verdict = limiter.admitCaller(request.getRemoteAddr());
    if (HttpMethod.POST.matches(request.getMethod())
        && ANALYSIS_UPLOAD.equals(request.getRequestURI())) {
      verdict = limiter.admitAnalysis(request.getRemoteAddr(), verdict);
    }
    RateLimitHeaders.write(verdict, response);
    if (!verdict.allowed()) {
      throw new ReccoBeatsException(
          ReccoBeatsCode.TOO_MANY_REQUESTS,
          "Too many request, retry after " + verdict.retryAfterSeconds() + " seconds");
    }
    return true;
  }
}

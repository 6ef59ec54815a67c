package dev.stave.jamendo.api;

import dev.stave.access.App;
import dev.stave.access.limits.RateLimitHeaders;
import dev.stave.access.limits.RateLimiter;
import dev.stave.access.limits.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rate limits and quotas in the Jamendo dialect (spec §11). Every {@code /v3.0} request is counted
 * against its caller address before it is handled, so that every answer, errors included, carries
 * the rate-limit headers; {@link JamendoController} then refuses it if that limit is reached, and
 * counts it against its app's limits once the client id is known.
 *
 * <ul>
 *   <li>Hard limits (per address per second and per minute, per app per minute, and the monthly
 *       hard limit): code 6 "Rate Limit Exceeded", HTTP 200, naming the limit and when it resets.
 *   <li>Soft limit (past the app's monthly quota, before the hard limit): the over-usage warning
 *       form Jamendo sends — success, code 0, no results and {@link #USAGE_WARNING}.
 * </ul>
 */
@Component
public class JamendoLimits implements HandlerInterceptor, WebMvcConfigurer {
  /** The over-usage warning exactly as Jamendo sends it (spec §11, captured live). */
  public static final String USAGE_WARNING =
      "Usage limits are exceeded for this request, please contact Jamendo before we block your"
          + " access to this request";

  private static final String CALLER = JamendoLimits.class.getName() + ".caller";

  private final RateLimiter limiter;

  public JamendoLimits(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/v3.0/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Verdict caller = limiter.admitCaller(request.getRemoteAddr());
    request.setAttribute(CALLER, caller);
    RateLimitHeaders.write(caller, response);
    return true;
  }

  /** Refuses the request with code 6 when its caller address is over a limit. */
  void checkCaller(HttpServletRequest request) {
    if (request.getAttribute(CALLER) instanceof Verdict caller && !caller.allowed()) {
      throw refusal(caller);
    }
  }

  /**
   * Counts the request against the limits of {@code app}: refuses it with code 6 past a hard limit;
   * past the monthly quota, adds the usage warning and returns the empty result to answer instead
   * of the method's (a file method then answers this envelope, not its redirect).
   */
  Optional<JamendoMethod.Result> admit(
      App app, JamendoParams params, HttpServletRequest request, HttpServletResponse response) {
    Verdict caller =
        request.getAttribute(CALLER) instanceof Verdict v
            ? v
            : limiter.admitCaller(request.getRemoteAddr());
    Verdict verdict = limiter.admitApp(app.clientId(), caller);
    RateLimitHeaders.write(verdict, response);
    if (!verdict.allowed()) {
      throw refusal(verdict);
    }
    if (verdict.overQuota()) {
      params.warn(USAGE_WARNING);
      return Optional.of(JamendoMethod.Result.of(List.of(), null));
    }
    return Optional.empty();
  }

  private static JamendoException refusal(Verdict verdict) {
    return new JamendoException(JamendoCode.RATE_LIMIT_EXCEEDED, verdict.refusalMessage());
  }
}

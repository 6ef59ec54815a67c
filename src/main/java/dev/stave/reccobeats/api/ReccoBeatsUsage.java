package dev.stave.reccobeats.api;

import dev.stave.access.usage.UsageRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts every answered {@code /v1} request for the usage figures ({@link UsageRecorder}). The API
 * has no keys, so no request belongs to an app: they are counted under {@link
 * UsageRecorder#NO_APP}, which the operator console reads. The method is the endpoint's path
 * pattern without {@code /v1/} ({@code track/{id}/audio-features}, never the ids themselves, so the
 * names stay few), {@code unknown} for a path no endpoint serves; the code is the HTTP status (the
 * dialect's codes 4001/4002 share 400); a 429 is a rate-limit refusal. Registered before {@link
 * ReccoBeatsLimits}, so that it sees the requests the limits refuse too.
 */
@Component
class ReccoBeatsUsage implements HandlerInterceptor {
  private static final String PREFIX = "/v1/";

  private final UsageRecorder usage;

  ReccoBeatsUsage(UsageRecorder usage) {
    this.usage = usage;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (CorsUtils.isPreFlightRequest(request)) {
      return;
    }
    int status = response.getStatus();
    usage.count(
        UsageRecorder.NO_APP,
        "reccobeats",
        method(request),
        String.valueOf(status),
        status == ReccoBeatsCode.TOO_MANY_REQUESTS.http().value());
  }

  private static String method(HttpServletRequest request) {
    if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p
        && p.startsWith(PREFIX)
        && !p.contains("*")) {
      return p.substring(PREFIX.length());
    }
    return "unknown";
  }
}

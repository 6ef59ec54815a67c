package dev.stave.web;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Names the API method in the {@code uri} tag of the {@code http.server.requests} metric. Spring
 * tags a request with the handler's path pattern, which for a face that dispatches many methods
 * through one mapping (the Jamendo dialect's {@code /v3.0/{entity}/{sub}}) says nothing of the
 * method called; the operator console's latency-by-method chart and a Prometheus dashboard need
 * {@code /v3.0/tracks} and {@code /v3.0/tracks/file} apart. A face that knows the method sets
 * {@link #ATTRIBUTE} on the request; this convention uses it in place of the pattern.
 *
 * <p>Decision: a face sets it only for methods it serves, never for a path it could not resolve, so
 * the tag keeps a bounded set of values (a scanner probing random paths cannot grow the metric
 * without end); everything else keeps Spring's tag.
 */
@Component
public class ApiMethodUri extends DefaultServerRequestObservationConvention {
  /** The request attribute holding the method's path, e.g. {@code /v3.0/tracks/file}. */
  public static final String ATTRIBUTE = ApiMethodUri.class.getName() + ".uri";

  /** Names the method {@code request} is served by. */
  public static void name(HttpServletRequest request, String methodPath) {
    request.setAttribute(ATTRIBUTE, methodPath);
  }

  @Override
  protected KeyValue uri(ServerRequestObservationContext context) {
    HttpServletRequest request = context.getCarrier();
    Object named = request == null ? null : request.getAttribute(ATTRIBUTE);
    return named instanceof String uri ? KeyValue.of("uri", uri) : super.uri(context);
  }
}

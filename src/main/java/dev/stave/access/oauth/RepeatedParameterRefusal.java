package dev.stave.access.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request to the grant, revoke or introspect endpoint that gives a parameter more than
 * once ({@code invalid_request}, HTTP 400, naming the parameter), as RFC 6749 §3.2 says: Spring
 * Authorization Server's client authentication reads such a parameter as one string and fails with
 * a {@code ClassCastException} (an HTTP 500) for a repeated {@code code}. The authorize endpoint
 * handles its repeated parameters itself ({@link AuthorizeFailure}).
 */
final class RepeatedParameterRefusal extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
      if (p.getValue().length > 1) {
        OAuthResponses.write(
            response,
            HttpServletResponse.SC_BAD_REQUEST,
            OAuthResponses.errorBody(
                OAuth2ErrorCodes.INVALID_REQUEST,
                "The parameter " + p.getKey() + " is given more than once"));
        return;
      }
    }
    chain.doFilter(request, response);
  }
}

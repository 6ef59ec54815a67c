package dev.stave.access.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Answers {@code unauthorized_client} for an authorize request of an app that has no registered
 * redirect URI (the {@code demo} app of every first start is one), before Spring Authorization
 * Server looks at it: Spring's grant-type check picks the app's first registered URI to report its
 * error to and fails with a {@code NoSuchElementException} (an HTTP 500) when there is none. It
 * wraps the authorize request converter, the first step of Spring's authorize handling, whose
 * errors reach {@link AuthorizeFailure}.
 */
final class AppWithoutRedirectUriGuard implements AuthenticationConverter {
  static final String NO_REDIRECT_URI =
      "The app has no registered redirect URI, so it cannot use authorize (its owner registers"
          + " one with `stave apps set-redirect-uris`)";

  private final AuthenticationConverter delegate;
  private final RegisteredClientRepository clients;

  AppWithoutRedirectUriGuard(AuthenticationConverter delegate, RegisteredClientRepository clients) {
    this.delegate = delegate;
    this.clients = clients;
  }

  @Override
  public Authentication convert(HttpServletRequest request) {
    String[] ids = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
    if (ids != null && ids.length == 1 && !ids[0].isBlank()) {
      RegisteredClient client = clients.findByClientId(ids[0]);
      if (client != null && client.getRedirectUris().isEmpty()) {
        throw new OAuth2AuthorizationCodeRequestAuthenticationException(
            new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, NO_REDIRECT_URI, null), null);
      }
    }
    return delegate.convert(request);
  }
}

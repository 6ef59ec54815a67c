package dev.stave.access.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Jamendo's redirect URI rule (spec §10.3), in place of the authorization server's exact match:
 * {@code redirect_uri} may be left out when the app registered exactly one, and otherwise must be
 * on the same scheme, host and port as a registered URI and extend it (registered {@code
 * http://example.org/app/} allows {@code http://example.org/app/ANYTHING}). It must not carry a
 * fragment ({@code invalid_uri}) nor dot segments that would leave the registered path. Errors are
 * never redirected: they are shown to the user as JSON.
 */
final class RedirectUriRule
    implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {
  static final String INVALID_URI = "invalid_uri";
  static final String MISMATCH = "redirect_uri_mismatch";

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    RegisteredClient client = context.getRegisteredClient();
    String requested = request.getRedirectUri();
    if (requested == null || requested.isBlank()) {
      if (client.getRedirectUris().size() != 1) {
        fail(
            OAuth2ErrorCodes.INVALID_REQUEST,
            "redirect_uri is required: the app has several registered redirect URIs",
            request);
      }
      return;
    }
    URI uri;
    try {
      uri = new URI(requested);
    } catch (URISyntaxException e) {
      fail(INVALID_URI, "redirect_uri is not a valid URI", request);
      return;
    }
    if (uri.getRawFragment() != null) {
      fail(INVALID_URI, "redirect_uri must not contain a fragment", request);
    }
    boolean allowed =
        uri.isAbsolute()
            && uri.normalize().equals(uri)
            && client.getRedirectUris().stream().anyMatch(r -> extendsUri(uri, requested, r));
    if (!allowed) {
      fail(
          MISMATCH,
          "redirect_uri must be on the same domain as, and extend, a registered redirect URI",
          request);
    }
  }

  private static boolean extendsUri(URI uri, String requested, String registered) {
    URI r;
    try {
      r = new URI(registered);
    } catch (URISyntaxException e) {
      return false;
    }
    return requested.startsWith(registered)
        && lower(r.getScheme()).equals(lower(uri.getScheme()))
        && lower(r.getHost()).equals(lower(uri.getHost()))
        && r.getPort() == uri.getPort()
        && Objects.equals(r.getRawUserInfo(), uri.getRawUserInfo());
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  /** An error shown as JSON: the token carries no redirect URI to send it to. */
  private static void fail(
      String code, String description, OAuth2AuthorizationCodeRequestAuthenticationToken request) {
    OAuth2AuthorizationCodeRequestAuthenticationToken noRedirect =
        new OAuth2AuthorizationCodeRequestAuthenticationToken(
            request.getAuthorizationUri(),
            request.getClientId(),
            (Authentication) request.getPrincipal(),
            null,
            request.getState(),
            request.getScopes(),
            request.getAdditionalParameters());
    throw new OAuth2AuthorizationCodeRequestAuthenticationException(
        new OAuth2Error(code, description, null), noRedirect);
  }
}

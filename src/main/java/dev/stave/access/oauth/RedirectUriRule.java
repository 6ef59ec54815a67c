package dev.stave.access.oauth;

import dev.stave.access.RedirectUris;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Stave's redirect URI rule, in place of the authorization server's: {@code redirect_uri} must be,
 * character for character, one of the app's registered URIs (RFC 9700 §2.1 and §4.1: exact string
 * matching; no prefix extension, no loopback-port exception), and may be left out when the app
 * registered exactly one. Jamendo documents a looser rule (spec §10.3: any URI extending a
 * registered one); it is not followed, because a prefix match is what lets encoded dot segments
 * ({@code /cb/%2e%2e/evil}) send the code elsewhere on the app's host. An app that wants several
 * callbacks registers each.
 *
 * <p>Every error here is shown to the user as JSON, never redirected: there is no validated URI to
 * send it to.
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
    if (requested.indexOf('#') >= 0) {
      fail(INVALID_URI, "redirect_uri must not contain a fragment", request);
    }
    Optional<String> problem = RedirectUris.problem(requested);
    if (problem.isPresent()) {
      fail(MISMATCH, "redirect_uri " + problem.get(), request);
    }
    if (!client.getRedirectUris().contains(requested)) {
      fail(
          MISMATCH,
          "redirect_uri must be exactly one of the app's registered redirect URIs",
          request);
    }
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

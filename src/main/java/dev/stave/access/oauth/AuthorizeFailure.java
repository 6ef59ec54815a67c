package dev.stave.access.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The authorize endpoint's errors (spec §10.3, RFC 6749 §4.1.2.1). An error is redirected to the
 * app only when the request names a known, active app and a redirect URI that is, exactly, one of
 * its registered URIs (or leaves it out and the app registered exactly one); otherwise — an
 * unknown, missing or repeated {@code client_id}, a bad {@code redirect_uri}, an app with no
 * registered URI — it is shown as JSON with HTTP 400, since there is nowhere safe to send it.
 *
 * <p>Redirected errors carry {@code error}, {@code error_description} and {@code state}. Spring
 * rejects a malformed request (wrong {@code response_type}, a parameter given twice) before it
 * looks at the app, and marks it not to be redirected; this handler checks the app and the URI
 * itself, so that those errors also reach a valid app as the RFC says.
 */
final class AuthorizeFailure implements AuthenticationFailureHandler {
  private static final String PARAMETER = "OAuth 2.0 Parameter: ";
  private static final Set<String> NEVER_REDIRECTED =
      Set.of(OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.REDIRECT_URI);

  private final RegisteredClientRepository clients;

  AuthorizeFailure(RegisteredClientRepository clients) {
    this.clients = clients;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    OAuth2Error error = OAuthResponses.errorOf(exception);
    OAuth2AuthorizationCodeRequestAuthenticationToken token =
        exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException e
            ? e.getAuthorizationCodeRequestAuthentication()
            : null;
    String parameter = parameterOf(error);
    String code = error.getErrorCode();
    String description = OAuthResponses.describe(code, error.getDescription());
    if (parameter != null && values(request, parameter) > 1) {
      code = OAuth2ErrorCodes.INVALID_REQUEST;
      description = "The parameter " + parameter + " is given more than once";
    } else if (OAuth2ParameterNames.CLIENT_ID.equals(parameter)
        && OAuth2ErrorCodes.INVALID_REQUEST.equals(code)) {
      if (values(request, parameter) == 0 || blank(request.getParameter(parameter))) {
        description = "The parameter client_id is missing";
      } else {
        code = OAuth2ErrorCodes.INVALID_CLIENT;
        description = "Can't get information about this clientId: Not Found";
      }
    } else if (OAuth2ParameterNames.REDIRECT_URI.equals(parameter)) {
      code = RedirectUriRule.MISMATCH;
      description = "redirect_uri does not match a registered redirect URI";
    } else {
      description = sentence(code, description);
    }
    boolean mayRedirect =
        !(parameter != null
                && NEVER_REDIRECTED.contains(parameter)
                && !OAuth2ErrorCodes.ACCESS_DENIED.equals(code))
            && !OAuth2ErrorCodes.UNAUTHORIZED_CLIENT.equals(code)
            && !OAuth2ErrorCodes.INVALID_CLIENT.equals(code);
    Optional<String> target = mayRedirect ? registeredTarget(request, token) : Optional.empty();
    if (target.isEmpty()) {
      OAuthResponses.write(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          OAuthResponses.errorBody(code, description));
      return;
    }
    UriComponentsBuilder back =
        UriComponentsBuilder.fromUriString(target.get())
            .queryParam(OAuth2ParameterNames.ERROR, code)
            .queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, description);
    String state =
        token != null ? token.getState() : single(request, OAuth2ParameterNames.STATE).orElse(null);
    if (!blank(state)) {
      back.queryParam(OAuth2ParameterNames.STATE, state);
    }
    response.sendRedirect(back.encode(StandardCharsets.UTF_8).build().toUriString());
  }

  /** Clearer words than Spring's for the errors a user or developer meets most. */
  private static String sentence(String code, String description) {
    return switch (code) {
      case OAuth2ErrorCodes.ACCESS_DENIED -> "The user denied access to the application";
      case OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE -> "response_type must be code";
      case OAuth2ErrorCodes.INVALID_SCOPE -> "The only scope is music";
      case OAuth2ErrorCodes.UNAUTHORIZED_CLIENT -> AppWithoutRedirectUriGuard.NO_REDIRECT_URI;
      default -> description;
    };
  }

  /**
   * Where the error may go: the redirect URI of the request (the one Spring validated, or the one
   * the request names), provided it is exactly one of the app's registered URIs; the app's only URI
   * when the request names none.
   */
  private Optional<String> registeredTarget(
      HttpServletRequest request, OAuth2AuthorizationCodeRequestAuthenticationToken token) {
    Optional<String> clientId =
        token != null
            ? Optional.ofNullable(token.getClientId())
            : single(request, OAuth2ParameterNames.CLIENT_ID);
    RegisteredClient client =
        clientId.filter(id -> !id.isBlank()).map(clients::findByClientId).orElse(null);
    if (client == null) {
      return Optional.empty();
    }
    String named;
    if (token != null) {
      if (blank(token.getRedirectUri())) {
        return Optional.empty(); // marked not to be redirected
      }
      named = token.getRedirectUri();
    } else if (values(request, OAuth2ParameterNames.REDIRECT_URI) > 1) {
      return Optional.empty();
    } else {
      named = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
    }
    Set<String> registered = client.getRedirectUris();
    if (blank(named)) {
      return registered.size() == 1 ? registered.stream().findFirst() : Optional.empty();
    }
    return registered.contains(named) ? Optional.of(named) : Optional.empty();
  }

  private static String parameterOf(OAuth2Error error) {
    String d = error.getDescription();
    return d != null && d.startsWith(PARAMETER) ? d.substring(PARAMETER.length()) : null;
  }

  private static int values(HttpServletRequest request, String name) {
    String[] v = request.getParameterValues(name);
    return v == null ? 0 : v.length;
  }

  private static Optional<String> single(HttpServletRequest request, String name) {
    return values(request, name) == 1 ? Optional.of(request.getParameter(name)) : Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

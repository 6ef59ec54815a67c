package dev.stave.access.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bodies of the OAuth endpoints as Jamendo clients read them (spec §10.3–§10.6): bare JSON, no
 * envelope; the grant's success has exactly {@code access_token, expires_in, token_type ("bearer"),
 * scope, refresh_token} (a Java client rejects any other field); errors have {@code error} and
 * {@code error_description} with the documented error names. Error statuses follow RFC 6749 (400,
 * and 401 for {@code invalid_client}).
 */
final class OAuthResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OAuthResponses() {}

  /** The grant endpoint's success. */
  static AuthenticationSuccessHandler tokenSuccess() {
    return (request, response, authentication) -> {
      OAuth2AccessTokenAuthenticationToken result =
          (OAuth2AccessTokenAuthenticationToken) authentication;
      OAuth2AccessToken access = result.getAccessToken();
      OAuth2RefreshToken refresh = result.getRefreshToken();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", access.getTokenValue());
      body.put(
          "expires_in",
          access.getIssuedAt() == null || access.getExpiresAt() == null
              ? AppClients.ACCESS_TTL.toSeconds()
              : Duration.between(access.getIssuedAt(), access.getExpiresAt()).toSeconds());
      body.put("token_type", "bearer");
      body.put("scope", String.join(" ", access.getScopes()));
      body.put("refresh_token", refresh == null ? "" : refresh.getTokenValue());
      write(response, HttpServletResponse.SC_OK, body);
    };
  }

  /** The grant endpoint's errors, client authentication failures included. */
  static AuthenticationFailureHandler tokenFailure() {
    return (request, response, exception) -> {
      OAuth2Error error = errorOf(exception);
      String code = error.getErrorCode();
      boolean unauthorized = OAuth2ErrorCodes.INVALID_CLIENT.equals(code);
      if (unauthorized) {
        challenge(response);
      }
      write(
          response,
          unauthorized ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_BAD_REQUEST,
          errorBody(code, grantDescription(error, request)));
    };
  }

  /** A grant request without any client credentials. */
  static AuthenticationEntryPoint missingClient() {
    return (request, response, exception) -> {
      challenge(response);
      write(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          errorBody(
              OAuth2ErrorCodes.INVALID_CLIENT,
              "Client authentication failed: send client_id and client_secret in the body or"
                  + " as HTTP Basic credentials"));
    };
  }

  /** RFC 6749 §5.2: a 401 names the authentication scheme the client may use. */
  private static void challenge(HttpServletResponse response) {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"stave\"");
  }

  static OAuth2Error errorOf(AuthenticationException exception) {
    return exception instanceof OAuth2AuthenticationException e
        ? e.getError()
        : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed", null);
  }

  private static String grantDescription(OAuth2Error error, HttpServletRequest request) {
    String code = error.getErrorCode();
    String grantType = request.getParameter("grant_type");
    String d = error.getDescription();
    return switch (code) {
      case OAuth2ErrorCodes.INVALID_GRANT ->
          "refresh_token".equals(grantType)
              ? "Refresh token doesn't exist or is invalid for the client"
              : "Authorization code doesn't exist or is invalid for the client";
      case OAuth2ErrorCodes.INVALID_CLIENT ->
          "Client authentication failed: unknown or suspended client_id, or wrong client_secret";
      case OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE ->
          "Grant type " + grantType + " is not supported";
      case OAuth2ErrorCodes.INVALID_REQUEST ->
          d != null && d.endsWith("Parameter: grant_type")
              ? "The grant type was not specified in the request"
              : describe(code, d);
      default -> describe(code, d);
    };
  }

  /** Spring's terse "OAuth 2.0 Parameter: x" turned into a sentence; a default when none. */
  static String describe(String code, String description) {
    if (description == null || description.isBlank()) {
      return switch (code) {
        case OAuth2ErrorCodes.ACCESS_DENIED -> "The user denied access to the application";
        case OAuth2ErrorCodes.INVALID_SCOPE -> "The only scope is music";
        default -> code.replace('_', ' ');
      };
    }
    String prefix = "OAuth 2.0 Parameter: ";
    if (description.startsWith(prefix)) {
      return "The parameter "
          + description.substring(prefix.length()).toLowerCase(Locale.ROOT)
          + " is missing or invalid";
    }
    return description;
  }

  static Map<String, Object> errorBody(String code, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    return body;
  }

  static void write(HttpServletResponse response, int status, Map<String, Object> body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader(HttpHeaders.PRAGMA, "no-cache");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}

package dev.stave.access.oauth;

import dev.stave.access.AccessGrant;
import dev.stave.access.AccessTokens;
import dev.stave.access.Accounts;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The access tokens the authorization server issued, looked up in its {@link
 * OAuth2AuthorizationService} (the SQL store, so every node sees every token). A token counts while
 * it is unexpired by {@code clock}, not invalidated (a reused code invalidates what it produced),
 * not revoked (revocation deletes the authorization) and its user's account is active.
 */
final class OAuthAccessTokens implements AccessTokens {
  private final OAuth2AuthorizationService authorizations;
  private final Accounts accounts;
  private final Clock clock;

  OAuthAccessTokens(OAuth2AuthorizationService authorizations, Accounts accounts, Clock clock) {
    this.authorizations = authorizations;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Optional<AccessGrant> grant(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    OAuth2Authorization a = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
    if (a == null) {
      return Optional.empty();
    }
    OAuth2Authorization.Token<OAuth2AccessToken> t = a.getAccessToken();
    if (t == null
        || t.isInvalidated()
        || !token.equals(t.getToken().getTokenValue())
        || t.getToken().getExpiresAt() == null
        || !clock.instant().isBefore(t.getToken().getExpiresAt())) {
      return Optional.empty();
    }
    long userId;
    try {
      userId = Long.parseLong(a.getPrincipalName());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!accounts.isActive(userId)) {
      return Optional.empty();
    }
    return Optional.of(
        new AccessGrant(userId, a.getRegisteredClientId(), t.getToken().getScopes()));
  }
}

package dev.stave.access;

import java.util.Optional;

/**
 * Resolves the OAuth2 access tokens callers send (Jamendo's {@code access_token} parameter) to the
 * user they were granted by. Tokens are issued by the OAuth2 authorization server, which arrives
 * with its own change; until then {@link NoAccessTokens} is the implementation and knows none.
 */
public interface AccessTokens {
  /** The user the token was issued to, or empty when it is unknown, expired or revoked. */
  Optional<Long> userFor(String token);
}

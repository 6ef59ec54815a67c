package dev.stave.access;

import java.util.Optional;

/**
 * Resolves the OAuth2 access tokens callers send (Jamendo's {@code access_token} parameter or a
 * Bearer header) to the grant they stand for.
 */
public interface AccessTokens {
  /** The grant of a token that is known, unexpired, not revoked and whose user may log in. */
  Optional<AccessGrant> grant(String token);

  /** The user the token was issued to, or empty when it is unknown, expired or revoked. */
  default Optional<Long> userFor(String token) {
    return grant(token).map(AccessGrant::userId);
  }
}

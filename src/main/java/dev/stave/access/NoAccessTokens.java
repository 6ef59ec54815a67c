package dev.stave.access;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@link AccessTokens} of a server that issues no tokens yet: every token is unknown, so every
 * request that carries one is refused as an invalid or expired token. Replaced by the OAuth2 token
 * store when that lands.
 */
@Component
public class NoAccessTokens implements AccessTokens {
  @Override
  public Optional<Long> userFor(String token) {
    return Optional.empty();
  }
}

package dev.stave.access.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The authorization server's authorization-code generator (96 random bytes, URL-safe Base64, as
 * Spring's own) that takes the issue time from a {@link Clock}, like Spring's access and refresh
 * token generators do, so that tests can issue a code that is already past its 30 seconds.
 */
final class ClockedCodeGenerator implements OAuth2TokenGenerator<OAuth2AuthorizationCode> {
  private final StringKeyGenerator codes =
      new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
  private final Clock clock;

  ClockedCodeGenerator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public OAuth2AuthorizationCode generate(OAuth2TokenContext context) {
    if (context.getTokenType() == null
        || !OAuth2ParameterNames.CODE.equals(context.getTokenType().getValue())) {
      return null;
    }
    Instant issuedAt = clock.instant();
    Instant expiresAt =
        issuedAt.plus(
            context.getRegisteredClient().getTokenSettings().getAuthorizationCodeTimeToLive());
    return new OAuth2AuthorizationCode(codes.generateKey(), issuedAt, expiresAt);
  }
}

package dev.stave.access.oauth;

import dev.stave.access.AccessGrant;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The apps of the {@link AppRegistry} as the authorization server's registered clients: the apps
 * table stays the one source of truth (client id, hashed secret, redirect URIs, state). The
 * registered client's id is the client id.
 *
 * <p>A suspended app, or one without a secret, is unknown to {@link #findByClientId} (authorize and
 * grant answer {@code invalid_client}) but still found by {@link #findById}, which the stored
 * authorizations need to be read at all.
 */
final class AppClients implements RegisteredClientRepository {
  /** Authorization codes live 30 s (spec §10.4). */
  static final Duration CODE_TTL = Duration.ofSeconds(30);

  /** Access tokens live two hours (spec §10.2). */
  static final Duration ACCESS_TTL = Duration.ofSeconds(7200);

  /**
   * Refresh tokens: Jamendo does not say; 90 days, renewed by every refresh (each refresh issues a
   * new one), so an app in use never has to send its user through authorize again.
   */
  static final Duration REFRESH_TTL = Duration.ofDays(90);

  private final AppRegistry apps;

  AppClients(AppRegistry apps) {
    this.apps = apps;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("apps are registered with `stave apps create`");
  }

  @Override
  public RegisteredClient findById(String id) {
    return apps.find(id).map(this::client).orElse(null);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return apps.find(clientId)
        .filter(App::active)
        .filter(a -> apps.secretHash(a.clientId()).isPresent())
        .map(this::client)
        .orElse(null);
  }

  private RegisteredClient client(App app) {
    RegisteredClient.Builder b =
        RegisteredClient.withId(app.clientId())
            .clientId(app.clientId())
            .clientName(app.name())
            .clientSecret(apps.secretHash(app.clientId()).orElse(null))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .scope(AccessGrant.MUSIC)
            .clientSettings(
                ClientSettings.builder()
                    .requireAuthorizationConsent(true)
                    .requireProofKey(false)
                    .build())
            .tokenSettings(
                TokenSettings.builder()
                    .authorizationCodeTimeToLive(CODE_TTL)
                    .accessTokenTimeToLive(ACCESS_TTL)
                    .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                    .reuseRefreshTokens(false)
                    .refreshTokenTimeToLive(REFRESH_TTL)
                    .build());
    // The code grant needs somewhere to send the code: an app without a redirect URI can only
    // refresh tokens it already has, and authorize answers unauthorized_client
    // (AppWithoutRedirectUriGuard; Spring's own check fails on such a client).
    if (!app.redirectUris().isEmpty()) {
      b.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUris(uris -> uris.addAll(app.redirectUris()));
    }
    return b.build();
  }
}

package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.access.oauth.Grants;
import dev.stave.testsupport.BothStores;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The access feature's storage on SQLite and PostgreSQL: accounts, apps as the authorization
 * server's clients, and the authorization server's own tables (Spring's JDBC services on the
 * adapted schema), down to the instants they store.
 */
@BothStores
class AccessStoreTest {
  private final AppRegistry apps;
  private final Accounts accounts;
  private final Grants grants;
  private final AccessTokens tokens;
  private final OAuth2AuthorizationService authorizations;
  private final OAuth2AuthorizationConsentService consents;
  private final RegisteredClientRepository clients;

  AccessStoreTest(
      ConfigurableApplicationContext ctx,
      AppRegistry apps,
      Accounts accounts,
      Grants grants,
      AccessTokens tokens) {
    this.apps = apps;
    this.accounts = accounts;
    this.grants = grants;
    this.tokens = tokens;
    this.authorizations = ctx.getBean(OAuth2AuthorizationService.class);
    this.consents = ctx.getBean(OAuth2AuthorizationConsentService.class);
    this.clients = ctx.getBean(RegisteredClientRepository.class);
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void accountsAreUniqueByNameAndCaseInsensitiveEmailAndLogInByEither() {
    String name = unique("u");
    long id = accounts.create(name, name + "@Mail.example", "password1").id();
    assertThat(id).isGreaterThanOrEqualTo(Accounts.FIRST_ID); // clear of imported and demo ids
    assertThat(accounts.login(name.toUpperCase(java.util.Locale.ROOT)).orElseThrow().userId())
        .isEqualTo(id);
    Accounts.Login byEmail = accounts.login(name + "@mail.EXAMPLE").orElseThrow();
    assertThat(byEmail.userId()).isEqualTo(id);
    assertThat(byEmail.passwordHash()).startsWith("{bcrypt}").doesNotContain("password1");
    assertThatThrownBy(() -> accounts.create(unique("v"), name + "@MAIL.example", "password1"))
        .isInstanceOfSatisfying(
            Accounts.AccountException.class,
            e -> assertThat(e.problem()).isEqualTo(Accounts.Problem.EMAIL_TAKEN));
    assertThatThrownBy(() -> accounts.create(name, unique("w") + "@mail.example", "password1"))
        .isInstanceOfSatisfying(
            Accounts.AccountException.class,
            e -> assertThat(e.problem()).isEqualTo(Accounts.Problem.NAME_TAKEN));
    accounts.setActive(name, false);
    assertThat(accounts.isActive(id)).isFalse();
    assertThat(accounts.list()).anySatisfy(a -> assertThat(a.user().id()).isEqualTo(id));
  }

  @Test
  void onlyActiveAppsWithASecretAreClientsButStoredGrantsStillFindTheirApp() {
    AppRegistry.Issued app =
        apps.register("Client", null, App.Plan.READ_ONLY, List.of("https://c.example/"));
    RegisteredClient client = clients.findByClientId(app.app().clientId());
    assertThat(client.getRedirectUris()).containsExactly("https://c.example/");
    assertThat(client.getAuthorizationGrantTypes())
        .contains(AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
    assertThat(client.getClientSecret()).startsWith("{bcrypt}");
    apps.setState(app.app().clientId(), App.State.SUSPENDED);
    assertThat(clients.findByClientId(app.app().clientId())).isNull();
    assertThat(clients.findById(app.app().clientId())).isNotNull();
    assertThat(clients.findByClientId(apps.create("No redirect").clientId()).getRedirectUris())
        .isEmpty();
  }

  @Test
  void authorizationsRoundTripAndRevocationEndsThem() {
    AppRegistry.Issued app =
        apps.register("Stored", null, App.Plan.READ_WRITE, List.of("https://s.example/"));
    String name = unique("t");
    long userId = accounts.create(name, name + "@mail.example", "password1").id();
    RegisteredClient client = clients.findByClientId(app.app().clientId());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String access = unique("access-");
    String refresh = unique("refresh-");
    authorizations.save(
        OAuth2Authorization.withRegisteredClient(client)
            .principalName(String.valueOf(userId))
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizedScopes(Set.of(AccessGrant.MUSIC))
            .token(
                new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.BEARER,
                    access,
                    now,
                    now.plusSeconds(7200),
                    Set.of(AccessGrant.MUSIC)))
            .refreshToken(new OAuth2RefreshToken(refresh, now, now.plusSeconds(3600)))
            .build());
    consents.save(
        OAuth2AuthorizationConsent.withId(client.getId(), String.valueOf(userId))
            .scope(AccessGrant.MUSIC)
            .build());

    OAuth2Authorization found = authorizations.findByToken(access, OAuth2TokenType.ACCESS_TOKEN);
    assertThat(found.getAccessToken().getToken().getExpiresAt()).isEqualTo(now.plusSeconds(7200));
    assertThat(authorizations.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN).getId())
        .isEqualTo(found.getId());
    assertThat(tokens.grant(access))
        .contains(new AccessGrant(userId, app.app().clientId(), Set.of(AccessGrant.MUSIC)));
    assertThat(tokens.grant("unknown")).isEmpty();
    assertThat(grants.granted(userId))
        .extracting(App::clientId)
        .containsExactly(app.app().clientId());

    assertThat(grants.revoke(userId, app.app().clientId())).isTrue();
    assertThat(tokens.grant(access)).isEmpty();
    assertThat(authorizations.findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(grants.granted(userId)).isEmpty();
    assertThat(grants.revoke(userId, app.app().clientId())).isFalse();
  }
}

package dev.stave.access.oauth;

import dev.stave.access.AccessTokens;
import dev.stave.access.Accounts;
import dev.stave.access.AppRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Spring Authorization Server at the Jamendo paths (spec §10): {@code GET /v3.0/oauth/authorize}
 * (Stave's login and consent pages behind it) and {@code POST /v3.0/oauth/grant} (codes and refresh
 * tokens; client authentication in the body or HTTP Basic). Codes live 30 s and are single-use,
 * access tokens 7,200 s, every refresh issues a new refresh token and retires the old.
 * Authorizations and consents are kept in the SQL store, so tokens survive restarts and every node
 * honours them.
 *
 * <p>Its security filter chain matches the authorization server's endpoints only; the API reads,
 * {@code /v1}, {@code /actuator} and {@code /docs} pass through no security filter chain.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {
  public static final String AUTHORIZE = "/v3.0/oauth/authorize";
  public static final String GRANT = "/v3.0/oauth/grant";
  static final String REVOKE = "/v3.0/oauth/revoke";
  static final String INTROSPECT = "/v3.0/oauth/introspect";
  public static final String CONSENT_PAGE = "/oauth/consent";
  public static final String LOGIN_PAGE = "/login";

  @Bean
  RegisteredClientRepository registeredClients(AppRegistry apps) {
    return new AppClients(apps);
  }

  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationService(jdbc, clients);
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService(
      JdbcTemplate jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
  }

  @Bean
  AccessTokens accessTokens(
      OAuth2AuthorizationService authorizations, Accounts accounts, ObjectProvider<Clock> clock) {
    return new OAuthAccessTokens(authorizations, accounts, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder()
        .authorizationEndpoint(AUTHORIZE)
        .tokenEndpoint(GRANT)
        .tokenRevocationEndpoint(REVOKE)
        .tokenIntrospectionEndpoint(INTROSPECT)
        .build();
  }

  /** The web side: the authorization server's filter chain and the OAuth request defaults. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication
  static class Web {
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(
        HttpSecurity http,
        RegisteredClientRepository clients,
        OAuth2AuthorizationService authorizations,
        OAuth2AuthorizationConsentService consents,
        AuthorizationServerSettings settings,
        ObjectProvider<Clock> clockProvider)
        throws Exception {
      Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
      OAuth2AccessTokenGenerator access = new OAuth2AccessTokenGenerator();
      access.setClock(clock);
      OAuth2RefreshTokenGenerator refresh = new OAuth2RefreshTokenGenerator();
      refresh.setClock(clock);
      OAuth2TokenGenerator<?> tokens = new DelegatingOAuth2TokenGenerator(access, refresh);
      ClockedCodeGenerator codes = new ClockedCodeGenerator(clock);
      http.oauth2AuthorizationServer(
          server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server
                .registeredClientRepository(clients)
                .authorizationService(authorizations)
                .authorizationConsentService(consents)
                .authorizationServerSettings(settings)
                .tokenGenerator(tokens)
                .clientAuthentication(c -> c.errorResponseHandler(OAuthResponses.tokenFailure()))
                .authorizationEndpoint(
                    a ->
                        a.consentPage(CONSENT_PAGE)
                            .errorResponseHandler(new AuthorizeFailure(clients))
                            .authorizationRequestConverters(
                                converters ->
                                    converters.replaceAll(
                                        c ->
                                            c
                                                    instanceof
                                                    OAuth2AuthorizationCodeRequestAuthenticationConverter
                                                ? new AppWithoutRedirectUriGuard(c, clients)
                                                : c))
                            .authenticationProviders(
                                providers ->
                                    providers.forEach(
                                        p -> {
                                          if (p
                                              instanceof
                                              OAuth2AuthorizationCodeRequestAuthenticationProvider
                                                  r) {
                                            r.setAuthorizationCodeGenerator(codes);
                                            r.setAuthenticationValidator(
                                                new RedirectUriRule()
                                                    .andThen(
                                                        OAuth2AuthorizationCodeRequestAuthenticationValidator
                                                            .DEFAULT_SCOPE_VALIDATOR));
                                          } else if (p
                                              instanceof
                                              OAuth2AuthorizationConsentAuthenticationProvider c) {
                                            c.setAuthorizationCodeGenerator(codes);
                                          }
                                        })))
                .tokenEndpoint(
                    t ->
                        t.accessTokenResponseHandler(OAuthResponses.tokenSuccess())
                            .errorResponseHandler(OAuthResponses.tokenFailure()));
          });
      http.authorizeHttpRequests(a -> a.anyRequest().authenticated());
      http.exceptionHandling(
          e ->
              e.defaultAuthenticationEntryPointFor(
                      OAuthResponses.missingClient(),
                      PathPatternRequestMatcher.withDefaults().matcher(GRANT))
                  .defaultAuthenticationEntryPointFor(
                      new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                      AnyRequestMatcher.INSTANCE));
      return http.build();
    }

    @Bean
    FilterRegistrationBean<OAuthRequestDefaults> oauthRequestDefaults() {
      FilterRegistrationBean<OAuthRequestDefaults> r =
          new FilterRegistrationBean<>(new OAuthRequestDefaults());
      r.addUrlPatterns("/v3.0/oauth/*");
      r.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
      return r;
    }

    @Bean
    FilterRegistrationBean<RepeatedParameterRefusal> oauthRepeatedParameters() {
      FilterRegistrationBean<RepeatedParameterRefusal> r =
          new FilterRegistrationBean<>(new RepeatedParameterRefusal());
      for (String path : List.of(GRANT, REVOKE, INTROSPECT)) {
        r.addUrlPatterns(path, path + "/");
      }
      r.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
      return r;
    }
  }
}

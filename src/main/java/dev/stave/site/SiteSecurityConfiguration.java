package dev.stave.site;

import static dev.stave.access.oauth.AuthorizationServerConfiguration.LOGIN_PAGE;

import dev.stave.web.PagePolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The security chain of the web face: explorer pages and assets are public, the developer portal
 * needs a logged-in account, the operator console the operator role. Logging in happens on the
 * account pages' chain ({@code access.web}); both read the same session, so a person who logs in
 * there is logged in here, and is sent back to the page that asked for it.
 *
 * <p>Every page gets the security headers Spring Security gives the login pages, plus a content
 * security policy that allows nothing from another site. Decision: {@code style-src} allows inline
 * style attributes, which charts and the player set on their elements; scripts are only the face's
 * own files ({@code script-src 'self'}, no inline script anywhere).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SiteSecurityConfiguration {
  @Bean
  @Order(3)
  SecurityFilterChain siteChain(HttpSecurity http) throws Exception {
    http.securityMatcher(SitePaths.patterns())
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(SitePaths.CONSOLE, SitePaths.CONSOLE + "/**")
                    .hasRole("OPERATOR")
                    .requestMatchers(SitePaths.DEVELOPER, SitePaths.DEVELOPER + "/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE)))
        .headers(PagePolicy::headers);
    return http.build();
  }
}

package dev.stave.access.web;

import static dev.stave.access.oauth.AuthorizationServerConfiguration.CONSENT_PAGE;
import static dev.stave.access.oauth.AuthorizationServerConfiguration.LOGIN_PAGE;

import dev.stave.web.PagePolicy;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * The security filter chain of Stave's own pages: log in and out, sign up, the consent page of the
 * authorize flow and the account page where users revoke the apps they granted. It matches those
 * paths only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class WebSecurityConfiguration {
  static final String SIGNUP = "/signup";
  static final String ACCOUNT = "/account";

  @Bean
  @Order(2)
  SecurityFilterChain accountPagesChain(
      HttpSecurity http, UserDetailsService users, PasswordEncoder encoder) throws Exception {
    ExceptionMappingAuthenticationFailureHandler failure =
        new ExceptionMappingAuthenticationFailureHandler();
    failure.setExceptionMappings(
        Map.of(
            LockedException.class.getName(), LOGIN_PAGE + "?locked",
            DisabledException.class.getName(), LOGIN_PAGE + "?disabled"));
    failure.setDefaultFailureUrl(LOGIN_PAGE + "?error");
    http.securityMatcher(LOGIN_PAGE, "/logout", SIGNUP, ACCOUNT, ACCOUNT + "/**", CONSENT_PAGE)
        .authorizeHttpRequests(
            a -> a.requestMatchers(LOGIN_PAGE, SIGNUP).permitAll().anyRequest().authenticated())
        .authenticationManager(
            new ProviderManager(new ThrottledLogin(users, encoder, new LoginThrottle())))
        .formLogin(f -> f.loginPage(LOGIN_PAGE).failureHandler(failure).defaultSuccessUrl(ACCOUNT))
        .logout(l -> l.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
        .headers(PagePolicy::headers);
    return http.build();
  }
}

package dev.stave.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The content security policy of every HTML page Stave serves (the web face and the account pages):
 * nothing from another site, scripts only from Stave's own files and never inline. Decision: {@code
 * style-src} allows inline style attributes, which charts and the player set on their elements; an
 * injected style cannot run code.
 *
 * <p>{@link #headers} is what every security chain that serves pages applies, so the account pages
 * and the web face cannot drift apart.
 */
public final class PagePolicy {
  private PagePolicy() {}

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src"
          + " 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /**
   * The headers of every page: this content security policy, and the referrer only to Stave itself.
   */
  public static void headers(HeadersConfigurer<HttpSecurity> h) {
    h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
  }
}

package dev.stave.web;

/**
 * The content security policy of every HTML page Stave serves (the web face and the account pages):
 * nothing from another site, scripts only from Stave's own files and never inline. Decision: {@code
 * style-src} allows inline style attributes, which charts and the player set on their elements; an
 * injected style cannot run code.
 */
public final class PagePolicy {
  private PagePolicy() {}

  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src"
          + " 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
}

package dev.stave.web;

/**
 * A dialect's rendering of the errors that happen before any of its handlers runs: a request the
 * web server refuses (bad percent-encoding in the path, a header over the size limit), or one
 * Spring refuses with an HTTP error (a wrong HTTP method, a body over the size limit). Without it
 * such requests got Spring's error document or Tomcat's HTML page, which no client of either
 * dialect can read (issue 12, defect 6).
 *
 * <p>Each dialect registers one as a bean; the core ({@link ErrorDispatchFilter}, {@link
 * DialectErrorReportValve}) asks each whether it owns the request's path, and knows nothing else of
 * the dialects.
 */
public interface DialectErrorDocuments {
  /** Whether a request to {@code requestUri} (as sent, not decoded) belongs to this dialect. */
  boolean owns(String requestUri);

  /**
   * The dialect's error document for an HTTP error {@code status} that the server chose before the
   * dialect ran, with {@code reason} saying what was wrong in words a client can act on.
   */
  ErrorDocument render(int status, String requestUri, String reason);

  /** What goes on the wire: the HTTP status, the Content-Type and the body. */
  record ErrorDocument(int status, String contentType, String body) {}

  /**
   * Whether {@code uri} is {@code prefix} itself or lies under it ({@code /v3.0}, {@code /v3.0/},
   * {@code /v3.0/tracks}, not {@code /v3.0x}).
   */
  static boolean under(String prefix, String uri) {
    return uri != null
        && uri.startsWith(prefix)
        && (uri.length() == prefix.length() || "/;?".indexOf(uri.charAt(prefix.length())) >= 0);
  }
}

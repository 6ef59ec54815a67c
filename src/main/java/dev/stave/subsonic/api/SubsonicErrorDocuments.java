package dev.stave.subsonic.api;

import dev.stave.web.DialectErrorDocuments;
import org.springframework.stereotype.Component;

/**
 * The Subsonic envelope for errors decided before {@link SubsonicController} runs (a method the
 * servlet container refuses, bad percent-encoding in the path, a header or body over the limits):
 * XML, as a player that asked for nothing else expects, with code 0 and the reason, never Spring's
 * or Tomcat's page. The HTTP status stays the server's, since such requests reached no method.
 */
@Component
class SubsonicErrorDocuments implements DialectErrorDocuments {
  private final SubsonicRenderer renderer;

  SubsonicErrorDocuments(SubsonicRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public boolean owns(String requestUri) {
    return DialectErrorDocuments.under("/rest", requestUri);
  }

  @Override
  public ErrorDocument render(int status, String requestUri, String reason) {
    SubsonicCode code = status == 404 ? SubsonicCode.NOT_FOUND : SubsonicCode.GENERIC;
    SubsonicRenderer.Rendered r = renderer.error(new SubsonicException(code, reason), "xml", null);
    return new ErrorDocument(status, r.contentType(), r.body());
  }
}

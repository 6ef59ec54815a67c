package dev.stave.jamendo.api;

import dev.stave.web.DialectErrorDocuments;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Jamendo envelope for errors decided before {@link JamendoController} runs (a wrong HTTP
 * method the servlet container refuses, bad percent-encoding in the path, a body or header over the
 * limits): {@code status:"failed"} with the closest Jamendo code (spec §4), in JSON, never Spring's
 * error document. The HTTP status stays the server's (400, 405, 413…): such requests never reached
 * a method, and the connection may be closed after them.
 */
@Component
class JamendoErrorDocuments implements DialectErrorDocuments {
  private final JamendoRenderer renderer;

  JamendoErrorDocuments(JamendoRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public boolean owns(String requestUri) {
    return DialectErrorDocuments.under("/v3.0", requestUri);
  }

  @Override
  public ErrorDocument render(int status, String requestUri, String reason) {
    JamendoCode code =
        switch (status) {
          case 404 -> JamendoCode.METHOD_NOT_FOUND;
          case 405, 501 -> JamendoCode.HTTP_METHOD;
          case 429 -> JamendoCode.RATE_LIMIT_EXCEEDED;
          default -> status >= 500 ? JamendoCode.EXCEPTION : JamendoCode.TYPE;
        };
    JamendoDocument doc = JamendoDocument.failure(new JamendoException(code, reason), List.of());
    JamendoRenderer.Rendered r = renderer.render(doc, "json", null, "item");
    return new ErrorDocument(status, r.contentType(), r.body());
  }
}

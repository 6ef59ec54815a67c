package dev.stave.reccobeats.api;

import dev.stave.web.DialectErrorDocuments;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelope A (spec §5.1) for errors decided before any ReccoBeats endpoint runs (a wrong HTTP
 * method the servlet container refuses, bad percent-encoding in the path, a body or header over the
 * limits), instead of Spring's error document, whose {@code status} is the HTTP status and whose
 * {@code path} lacks the {@code uri=} prefix. Codes follow {@link ReccoBeatsErrors}: 404 is 4042,
 * 429 is 4291, any other client error 4002.
 */
@Component
class ReccoBeatsErrorDocuments implements DialectErrorDocuments {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public boolean owns(String requestUri) {
    return DialectErrorDocuments.under("/v1", requestUri);
  }

  @Override
  public ErrorDocument render(int status, String requestUri, String reason) {
    ReccoBeatsCode code =
        switch (status) {
          case 404 -> ReccoBeatsCode.NO_RESOURCE;
          case 429 -> ReccoBeatsCode.TOO_MANY_REQUESTS;
          default -> status >= 500 ? ReccoBeatsCode.UNKNOWN : ReccoBeatsCode.BAD_REQUEST;
        };
    String message = ReccoBeatsErrors.capitalized(reason);
    return new ErrorDocument(
        status,
        MediaType.APPLICATION_JSON_VALUE,
        JSON.writeValueAsString(ReccoBeatsErrors.envelope(code, message, requestUri)));
  }
}

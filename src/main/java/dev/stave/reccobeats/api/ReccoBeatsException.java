package dev.stave.reccobeats.api;

import org.springframework.http.HttpStatus;

/**
 * An error answered with the common error envelope (spec §5.1): a ReccoBeats code, the HTTP status
 * (normally the code's own) and a message that names what was wrong.
 */
public class ReccoBeatsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ReccoBeatsCode code;
  private final HttpStatus http;

  public ReccoBeatsException(ReccoBeatsCode code, String message) {
    this(code, code.http(), message);
  }

  public ReccoBeatsException(ReccoBeatsCode code, HttpStatus http, String message) {
    super(message);
    this.code = code;
    this.http = http;
  }

  /** 404 / 4041 for an id in the path that names no {@code kind} (track, album, artist). */
  public static ReccoBeatsException notFound(String kind, String id) {
    return new ReccoBeatsException(
        ReccoBeatsCode.NOT_FOUND,
        "Cannot find any "
            + kind
            + " with id "
            + id
            + " (ids in the path are ReccoBeats ids; Spotify ids are accepted by the ids parameter)");
  }

  public ReccoBeatsCode code() {
    return code;
  }

  public HttpStatus http() {
    return http;
  }
}

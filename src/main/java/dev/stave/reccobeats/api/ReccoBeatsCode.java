package dev.stave.reccobeats.api;

import org.springframework.http.HttpStatus;

/**
 * The ReccoBeats error codes this server emits (spec §5.3), each with its HTTP status. The code is
 * what the error body's {@code status} field carries; the HTTP status is the response's. The
 * account codes 4011/4031/4032 of a keyless API are never emitted.
 */
public enum ReccoBeatsCode {
  /** A required query parameter is absent. */
  MISSING_PARAMETER(4001, HttpStatus.BAD_REQUEST),
  /** A malformed or invalid parameter (wrong type, unsupported request), or a business rule. */
  BAD_REQUEST(4002, HttpStatus.BAD_REQUEST),
  /** A date or time in a bad format; no v1 endpoint takes one today. */
  BAD_DATE(4003, HttpStatus.BAD_REQUEST),
  /** A value out of range or a list of the wrong size (the validation envelope). */
  CONSTRAINT_VIOLATION(4004, HttpStatus.BAD_REQUEST),
  /** No entity for the given id. */
  NOT_FOUND(4041, HttpStatus.NOT_FOUND),
  /** No such URL path. */
  NO_RESOURCE(4042, HttpStatus.NOT_FOUND),
  /** A rate limit is reached (with a {@code Retry-After} header). */
  TOO_MANY_REQUESTS(4291, HttpStatus.TOO_MANY_REQUESTS),
  /** Anything unexpected. */
  UNKNOWN(5001, HttpStatus.INTERNAL_SERVER_ERROR);

  private final int code;
  private final HttpStatus http;

  ReccoBeatsCode(int code, HttpStatus http) {
    this.code = code;
    this.http = http;
  }

  public int code() {
    return code;
  }

  public HttpStatus http() {
    return http;
  }
}

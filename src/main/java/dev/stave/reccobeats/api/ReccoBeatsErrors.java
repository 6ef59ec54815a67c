package dev.stave.reccobeats.api;

import dev.stave.web.ErrorReasons;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the ReccoBeats dialect, in its two envelopes (spec §5), never a stack trace.
 * Scoped to this package: the Jamendo dialect and the actuator keep their own error handling.
 * Requests under {@code /v1} that no endpoint matches reach {@link FallbackController}, whose
 * exceptions land here too.
 *
 * <p>Where the spec is silent: a 405 (wrong HTTP method) and a 415 (unsupported Content-Type) carry
 * code 4002 in envelope A, as does a parameter of the wrong type ({@code size=abc}).
 */
@RestControllerAdvice(basePackages = "dev.stave.reccobeats")
public class ReccoBeatsErrors {
  private static final Logger log = LoggerFactory.getLogger(ReccoBeatsErrors.class);

  /**
   * How Jackson renders a {@code java.util.Date} by default: millis and a {@code +00:00} offset.
   */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  @ExceptionHandler(ReccoBeatsException.class)
  ResponseEntity<Envelopes.Error> reccoBeats(ReccoBeatsException e, HttpServletRequest request) {
    return error(e.http(), e.code(), e.getMessage(), request);
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<Envelopes.Validation> validation(ValidationException e, HandlerMethod handler) {
    String method = handler.getMethod().getName();
    List<Envelopes.FieldError> errors =
        e.violations().stream()
            .map(v -> new Envelopes.FieldError(method + "." + v.parameter(), v.message()))
            .toList();
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new Envelopes.Validation(ReccoBeatsCode.CONSTRAINT_VIOLATION.code(), errors));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Envelopes.Error> missing(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return error(
        ReccoBeatsCode.MISSING_PARAMETER,
        "Required request parameter '" + e.getParameterName() + "' is not present",
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Envelopes.Error> mismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String type =
        e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return error(
        ReccoBeatsCode.BAD_REQUEST,
        "Parameter '" + e.getName() + "' must be of type " + type + "; got '" + e.getValue() + "'",
        request);
  }

  /**
   * A parameter bound into a record ({@link PageParams}, the recommendation's) that is not a
   * number: "must be of type int" or "float", the spec's names for them.
   */
  @ExceptionHandler(BindException.class)
  ResponseEntity<Envelopes.Error> bind(BindException e, HttpServletRequest request) {
    FieldError field = e.getFieldError();
    String message =
        field == null
            ? "Invalid parameters"
            : "Parameter '"
                + field.getField()
                + "' must be of type "
                + typeName(field)
                + "; got '"
                + field.getRejectedValue()
                + "'";
    return error(ReccoBeatsCode.BAD_REQUEST, message, request);
  }

  private static String typeName(FieldError field) {
    Class<?> type =
        field.contains(TypeMismatchException.class)
            ? field.unwrap(TypeMismatchException.class).getRequiredType()
            : null;
    if (type == Double.class || type == Float.class || type == double.class) {
      return "float";
    }
    return "int";
  }

  @ExceptionHandler(ServletRequestBindingException.class)
  ResponseEntity<Envelopes.Error> binding(
      ServletRequestBindingException e, HttpServletRequest request) {
    return error(ReccoBeatsCode.BAD_REQUEST, e.getMessage(), request);
  }

  /**
   * An upload over the multipart limits (spring.servlet.multipart.max-file-size, 5 MB for the
   * analysis upload). The spec leaves the answer open; this is 400 with code 4002, like any other
   * file the analysis does not take. Multipart requests are parsed lazily, so this surfaces here.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Envelopes.Error> tooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return error(
        ReccoBeatsCode.BAD_REQUEST,
        "Maximum upload size exceeded: the audio file may be at most 5 MB (5,242,880 bytes)",
        request);
  }

  /**
   * A multipart part that is missing (e.g. the file sent as {@code file}, not {@code audioFile}).
   */
  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Envelopes.Error> missingPart(
      MissingServletRequestPartException e, HttpServletRequest request) {
    return error(
        ReccoBeatsCode.BAD_REQUEST,
        "Required part '" + e.getRequestPartName() + "' is not present.",
        request);
  }

  /** A body that claims to be multipart but cannot be parsed as such. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Envelopes.Error> multipart(MultipartException e, HttpServletRequest request) {
    return error(ReccoBeatsCode.BAD_REQUEST, "Malformed multipart request", request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Envelopes.Error> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    MediaType given = e.getContentType();
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ReccoBeatsCode.BAD_REQUEST,
        "Content-Type '" + (given == null ? "null" : given.toString()) + "' is not supported.",
        request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Envelopes.Error> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    ResponseEntity<Envelopes.Error> r =
        error(
            HttpStatus.METHOD_NOT_ALLOWED,
            ReccoBeatsCode.BAD_REQUEST,
            "Request method '" + e.getMethod() + "' is not supported",
            request);
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(r.getHeaders());
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return new ResponseEntity<>(r.getBody(), headers, r.getStatusCode());
  }

  /**
   * An Accept header that excludes JSON: the error still goes out as JSON (the only type this
   * dialect speaks), with 406, rather than failing a second time in the negotiation.
   */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Envelopes.Error> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return error(
        HttpStatus.NOT_ACCEPTABLE,
        ReccoBeatsCode.BAD_REQUEST,
        "This API answers application/json only; the Accept header excludes it",
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Envelopes.Error> unexpected(Exception e, HttpServletRequest request) {
    Optional<ErrorReasons.MalformedParameters> malformed = ErrorReasons.malformedParameters(e);
    if (malformed.isPresent()) {
      return error(ReccoBeatsCode.BAD_REQUEST, capitalized(malformed.get().reason()), request);
    }
    log.error("ReccoBeats request {} failed", request.getRequestURI(), e);
    return error(
        ReccoBeatsCode.UNKNOWN, "The server could not answer this request; try again", request);
  }

  private static ResponseEntity<Envelopes.Error> error(
      ReccoBeatsCode code, String message, HttpServletRequest request) {
    return error(code.http(), code, message, request);
  }

  private static ResponseEntity<Envelopes.Error> error(
      HttpStatusCode http, ReccoBeatsCode code, String message, HttpServletRequest request) {
    return ResponseEntity.status(http)
        .contentType(MediaType.APPLICATION_JSON)
        .body(envelope(code, message, request.getRequestURI()));
  }

  /** Envelope A for {@code code} at {@code requestUri}, stamped now. */
  static Envelopes.Error envelope(ReccoBeatsCode code, String message, String requestUri) {
    return new Envelopes.Error(
        TIMESTAMP.format(Instant.now()), message, "uri=" + requestUri, code.code());
  }

  static String capitalized(String reason) {
    return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
  }
}

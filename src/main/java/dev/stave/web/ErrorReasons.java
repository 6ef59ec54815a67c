package dev.stave.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.multipart.MultipartException;

/**
 * Words for the errors the web server decides on its own, shared by both dialects so that each
 * names the problem the same way. Tomcat refuses a query string or form body it cannot decode (bad
 * percent-encoding, not UTF-8, over {@code maxPostSize}), and Spring a multipart body it cannot
 * parse, with an exception thrown from the first {@code getParameter}; a dialect that catches it
 * answers its own error, naming the parameter where the server said which one.
 */
public final class ErrorReasons {
  private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]");

  private ErrorReasons() {}

  /** A short reason for an HTTP error status, for a client (no server internals). */
  public static String forStatus(int status) {
    return switch (status) {
      case 400 -> "the request is malformed (check the path's and parameters' percent-encoding)";
      case 404 -> "no such path";
      case 405 -> "this path does not answer that HTTP method";
      case 406 -> "the response cannot be given in a type the Accept header allows";
      case 408 -> "the request took too long to arrive";
      case 413 -> "the request body is too large";
      case 414 -> "the request URI is too long";
      case 415 -> "the request's Content-Type is not supported here";
      case 431 -> "the request headers are too large";
      case 501 -> "this HTTP method is not supported";
      default ->
          status >= 500 ? "the server could not answer; try again" : "the request was refused";
    };
  }

  /**
   * When {@code e} (or a cause) is the web server's refusal to decode the request's parameters: the
   * reason, naming the parameter when the server said which one.
   */
  public static Optional<MalformedParameters> malformedParameters(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidParameterException invalid) {
        String message = String.valueOf(invalid.getMessage());
        Matcher m = PARAMETER.matcher(message);
        if (m.find()) {
          return Optional.of(
              new MalformedParameters(
                  m.group(1), "parameter '" + m.group(1) + "' is not valid percent-encoded UTF-8"));
        }
        if (message.contains("too big")) {
          return Optional.of(
              new MalformedParameters(null, "the form body is too large to read its parameters"));
        }
        return Optional.of(
            new MalformedParameters(
                null, "the query string or form body cannot be decoded into parameters"));
      }
      if (t instanceof MultipartException) {
        return Optional.of(
            new MalformedParameters(
                null,
                "the multipart body cannot be read (a multipart/form-data Content-Type needs a"
                    + " boundary, and the body its parts)"));
      }
    }
    return Optional.empty();
  }

  /** A refused parameter set: the parameter at fault when known (else null), and the reason. */
  public record MalformedParameters(String parameter, String reason) {}
}

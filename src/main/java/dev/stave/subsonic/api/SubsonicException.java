package dev.stave.subsonic.api;

/**
 * A request the Subsonic dialect refuses: answered as the envelope's {@code error} element with the
 * code and a message that names the parameter at fault, never as an HTTP error page.
 */
public class SubsonicException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SubsonicCode code;

  public SubsonicException(SubsonicCode code, String message) {
    super(message);
    this.code = code;
  }

  public SubsonicCode code() {
    return code;
  }

  /** Code 10: {@code name} is required and missing. */
  public static SubsonicException missing(String name) {
    return new SubsonicException(
        SubsonicCode.MISSING_PARAMETER, "Required parameter is missing: " + name);
  }

  /** Code 0: {@code name} has a value this server cannot use, and what it must be. */
  public static SubsonicException invalid(String name, String mustBe, String got) {
    return new SubsonicException(
        SubsonicCode.GENERIC, "parameter '" + name + "' " + mustBe + "; got '" + got + "'");
  }

  /** Code 70: no {@code what} with id {@code id}. */
  public static SubsonicException notFound(String what, Object id) {
    return new SubsonicException(SubsonicCode.NOT_FOUND, what + " not found: " + id);
  }
}

package dev.stave.subsonic.api;

/**
 * The error codes of the Subsonic API (1.16.1) and the three OpenSubsonic adds for API keys, with
 * the wording the documentation gives them; a {@link SubsonicException} adds what exactly was
 * wrong.
 */
public enum SubsonicCode {
  GENERIC(0, "A generic error."),
  MISSING_PARAMETER(10, "Required parameter is missing."),
  CLIENT_MUST_UPGRADE(20, "Incompatible Subsonic REST protocol version. Client must upgrade."),
  SERVER_MUST_UPGRADE(30, "Incompatible Subsonic REST protocol version. Server must upgrade."),
  WRONG_CREDENTIALS(40, "Wrong username or password."),
  TOKEN_NOT_SUPPORTED(41, "Token authentication not supported for this user."),
  MECHANISM_NOT_SUPPORTED(42, "Provided authentication mechanism not supported."),
  CONFLICTING_MECHANISMS(43, "Multiple conflicting authentication mechanisms provided."),
  INVALID_API_KEY(44, "Invalid API key."),
  NOT_AUTHORIZED(50, "User is not authorized for the given operation."),
  NOT_FOUND(70, "The requested data was not found.");

  private final int code;
  private final String description;

  SubsonicCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  public int code() {
    return code;
  }

  public String description() {
    return description;
  }
}

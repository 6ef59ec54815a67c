package dev.stave.jamendo.api;

/** The Jamendo v3.0 response codes (spec §4) and the type names used in error messages. */
public enum JamendoCode {
  SUCCESS(0, "Success"),
  EXCEPTION(1, "Exception"),
  HTTP_METHOD(2, "Http Method"),
  TYPE(3, "Type"),
  REQUIRED_PARAMETER(4, "Required Parameter"),
  INVALID_CLIENT_ID(5, "Invalid Client Id"),
  RATE_LIMIT_EXCEEDED(6, "Rate Limit Exceeded"),
  METHOD_NOT_FOUND(7, "Method Not Found"),
  NEEDED_PARAMETER(8, "Needed Parameter"),
  FORMAT(9, "Format"),
  ENTRY_POINT(10, "Entry Point"),
  SUSPENDED_APPLICATION(11, "Suspended Application"),
  ACCESS_TOKEN(12, "Access Token"),
  INSUFFICIENT_SCOPE(13, "Insufficient Scope"),
  INVALID_USER(21, "Invalid User"),
  EMAIL_ALREADY_EXIST(22, "Email Already Exist"),
  DUPLICATE_VALUE(23, "Duplicate Value"),
  INVALID_PLAYLIST(24, "Invalid Playlist"),
  ACCESS_CODE(101, "Access Code");

  private final int code;
  private final String type;

  JamendoCode(int code, String type) {
    this.code = code;
    this.type = type;
  }

  public int code() {
    return code;
  }

  /** The type name, e.g. {@code Required Parameter}. */
  public String type() {
    return type;
  }

  /** The wire error message: {@code Jamendo Api <Type> Error: <detail>}. */
  public String message(String detail) {
    return "Jamendo Api " + type + " Error: " + detail;
  }
}

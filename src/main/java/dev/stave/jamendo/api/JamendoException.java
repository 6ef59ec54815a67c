package dev.stave.jamendo.api;

/** A request the Jamendo dialect refuses, with the code and a message naming the cause. */
public class JamendoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final JamendoCode code;

  public JamendoException(JamendoCode code, String detail) {
    super(detail);
    this.code = code;
  }

  public JamendoCode code() {
    return code;
  }

  public static JamendoException type(String param, String problem) {
    return new JamendoException(JamendoCode.TYPE, "parameter '" + param + "' " + problem);
  }

  public static JamendoException required(String param) {
    return new JamendoException(
        JamendoCode.REQUIRED_PARAMETER, "parameter '" + param + "' is required");
  }
}

package dev.stave.audio;

/** An audio operation that failed for a reason worth telling the operator (no stack trace). */
public class AudioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AudioException(String message) {
    super(message);
  }

  public AudioException(String message, Throwable cause) {
    super(message, cause);
  }
}

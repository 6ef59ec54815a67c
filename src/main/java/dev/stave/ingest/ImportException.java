package dev.stave.ingest;

/** The input cannot be imported at all; the message tells the operator why and what to do. */
public class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}

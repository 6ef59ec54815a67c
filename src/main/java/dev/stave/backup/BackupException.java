package dev.stave.backup;

/** A backup or restore that cannot be done as asked; the message tells the operator why. */
public class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }
}

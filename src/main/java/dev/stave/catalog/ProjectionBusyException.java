package dev.stave.catalog;

/**
 * A projection of the catalog (the search index) cannot be updated by this process because another
 * one holds it, typically a running server while {@code stave import} writes the store. Nothing is
 * lost: the holder follows the change log by itself.
 */
public class ProjectionBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProjectionBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}

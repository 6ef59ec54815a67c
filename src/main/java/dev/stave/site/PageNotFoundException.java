package dev.stave.site;

/**
 * Thrown by a page controller when what the URL names does not exist (an unknown album id): the
 * face answers its 404 page with the message, never a stack trace.
 */
public class PageNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PageNotFoundException(String message) {
    super(message);
  }
}

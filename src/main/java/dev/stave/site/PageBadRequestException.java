package dev.stave.site;

/**
 * Thrown by a page controller when a parameter is well-formed but not acceptable (a page number of
 * 0, a search text too long): the face answers its 400 page with the message, which names the
 * parameter.
 */
public class PageBadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PageBadRequestException(String message) {
    super(message);
  }
}

package dev.stave.site.console;

/**
 * A console page about an app or account that does not exist (a stale link, a typed URL): answered
 * 404 with a page saying what was not found ({@link ConsoleErrors}).
 */
class ConsoleNotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConsoleNotFound(String message) {
    super(message);
  }
}

package dev.stave.site;

/**
 * Who is looking at a page: nobody (not logged in), or an account with its user name and whether it
 * may open the operator console. Every page's header shows it (log in, or the account menu).
 */
public record Viewer(long userId, String name, boolean operator) {
  public static final Viewer ANONYMOUS = new Viewer(0, "", false);

  public boolean loggedIn() {
    return userId != 0;
  }
}

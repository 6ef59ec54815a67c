package dev.stave.access;

import java.io.IOException;

/**
 * A user's access token obtained the way an app obtains one (login, consent, code grant over HTTP),
 * for tests outside this package that need to call methods on a user's behalf.
 */
public final class UserTokens {
  private UserTokens() {}

  /** Runs the authorization-code flow on the server at {@code port}; returns the access token. */
  public static String accessToken(
      int port, AppRegistry.Issued app, String user, String password, String redirect)
      throws IOException, InterruptedException {
    return new OAuthBrowser(port)
        .tokens(app, user, password, redirect)
        .get("access_token")
        .asString();
  }
}

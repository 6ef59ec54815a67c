package dev.stave.access;

import java.util.Set;

/**
 * What an access token stands for: the user who granted it, the app it was issued to and the scopes
 * the user approved.
 */
public record AccessGrant(long userId, String clientId, Set<String> scopes) {
  /** The only scope (spec §10.3): write access to the user's music properties. */
  public static final String MUSIC = "music";

  public AccessGrant {
    scopes = Set.copyOf(scopes);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}

package dev.stave.access.oauth;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.stereotype.Component;

/**
 * The apps a user granted access to (their consents), and revocation: withdrawing the consent and
 * removing every authorization of that app for that user, so its access and refresh tokens stop
 * working at once (spec §10.2).
 */
@Component
public class Grants {
  private final JdbcTemplate jdbc;
  private final AppRegistry apps;
  private final OAuth2AuthorizationService authorizations;
  private final OAuth2AuthorizationConsentService consents;

  public Grants(
      JdbcTemplate jdbc,
      AppRegistry apps,
      OAuth2AuthorizationService authorizations,
      OAuth2AuthorizationConsentService consents) {
    this.jdbc = jdbc;
    this.apps = apps;
    this.authorizations = authorizations;
    this.consents = consents;
  }

  /** The apps the user has granted access to, by name. */
  public List<App> granted(long userId) {
    return jdbc
        .queryForList(
            "SELECT registered_client_id FROM oauth2_authorization_consent"
                + " WHERE principal_name = ?",
            String.class,
            String.valueOf(userId))
        .stream()
        .map(apps::find)
        .flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparing(App::name))
        .toList();
  }

  /**
   * Revokes the app's access to the user's data.
   *
   * @return whether there was anything to revoke
   */
  public boolean revoke(long userId, String clientId) {
    String principal = String.valueOf(userId);
    boolean any = false;
    OAuth2AuthorizationConsent consent = consents.findById(clientId, principal);
    if (consent != null) {
      consents.remove(consent);
      any = true;
    }
    for (String id :
        jdbc.queryForList(
            "SELECT id FROM oauth2_authorization WHERE principal_name = ?"
                + " AND registered_client_id = ?",
            String.class,
            principal,
            clientId)) {
      OAuth2Authorization a = authorizations.findById(id);
      if (a != null) {
        authorizations.remove(a);
        any = true;
      }
    }
    return any;
  }
}

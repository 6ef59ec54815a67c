package dev.stave.access;

import dev.stave.access.usage.UsageStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Apps that developers register and manage themselves (the developer portal), beside the operator's
 * {@link AppRegistry}: every call names the account acting, and an account sees and changes only
 * the apps it owns. The plan a self-registered app gets is the operator's choice, {@code
 * stave.apps.self-service-plan} (default {@code read-only}); a developer who asks for more gets the
 * plan the setting gives, and the request waits for the operator ({@link #approvePlan}, {@code
 * stave apps approve-plan}).
 */
@Service
public class AppSelfService {
  /** A bound on the apps of one account, so a script cannot fill the registry. */
  public static final int MAX_APPS_PER_ACCOUNT = 25;

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_REDIRECT_URIS = 10;

  private final AppRegistry registry;
  private final UsageStore usage;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final App.Plan selfServicePlan;

  public AppSelfService(
      AppRegistry registry,
      UsageStore usage,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      @Value("${stave.apps.self-service-plan:read-only}") String selfServicePlan) {
    this.registry = registry;
    this.usage = usage;
    this.jdbc = jdbc;
    this.tx = tx;
    this.selfServicePlan = App.Plan.of(selfServicePlan);
  }

  /**
   * An app as its developer sees it.
   *
   * @param requestedPlan the plan asked for and waiting for the operator, if any
   */
  public record OwnedApp(App app, String description, Optional<App.Plan> requestedPlan) {}

  /** What a developer fills in to register an app. */
  public record Registration(
      String name, String description, List<String> redirectUris, App.Plan wantedPlan) {}

  /**
   * Values the developer must correct: a message per form field ({@code name}, {@code description},
   * {@code redirectUris}), all of them at once, so a form shows every error next to its field in
   * one round.
   */
  public static final class InvalidFields extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> errors;

    public InvalidFields(Map<String, String> errors) {
      super(String.join("; ", errors.values()));
      this.errors = Map.copyOf(errors);
    }

    /** Field name to message. */
    public Map<String, String> errors() {
      return errors;
    }
  }

  /** The plan self-registered apps get without the operator. */
  public App.Plan selfServicePlan() {
    return selfServicePlan;
  }

  /**
   * Registers an app owned by the account {@code userId}, named after it as owner.
   *
   * @throws InvalidFields for a blank or long name, a long description, a redirect URI that {@link
   *     RedirectUris} refuses, or an account at {@link #MAX_APPS_PER_ACCOUNT}
   */
  public AppRegistry.Issued register(long userId, String ownerName, Registration r) {
    Map<String, String> errors = new LinkedHashMap<>();
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty()) {
      errors.put("name", "Give the app a name");
    } else if (name.length() > MAX_NAME) {
      errors.put("name", "A name has at most " + MAX_NAME + " characters");
    } else if (mine(userId).size() >= MAX_APPS_PER_ACCOUNT) {
      errors.put(
          "name", "An account may register " + MAX_APPS_PER_ACCOUNT + " apps; delete one first");
    }
    String description = r.description() == null ? "" : r.description().strip();
    if (description.length() > MAX_DESCRIPTION) {
      errors.put("description", "A description has at most " + MAX_DESCRIPTION + " characters");
    }
    List<String> uris = List.of();
    try {
      uris = checkedUris(r.redirectUris());
    } catch (IllegalArgumentException e) {
      errors.put("redirectUris", e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields(errors);
    }
    List<String> accepted = uris;
    App.Plan wanted = r.wantedPlan() == null ? App.Plan.READ_ONLY : r.wantedPlan();
    App.Plan given = wanted == App.Plan.READ_WRITE ? selfServicePlan : App.Plan.READ_ONLY;
    return tx.execute(
        s -> {
          AppRegistry.Issued issued = registry.register(name, ownerName, given, accepted);
          jdbc.update(
              "UPDATE apps SET owner_user_id = ?, description = ?, requested_plan = ?"
                  + " WHERE client_id = ?",
              userId,
              description,
              wanted != given ? wanted.key() : null,
              issued.app().clientId());
          return issued;
        });
  }

  /** Redirect URIs one per line (or separated by spaces), each checked as {@link RedirectUris}. */
  public static List<String> parseUris(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.strip().split("\\s+")).toList();
  }

  private static List<String> checkedUris(List<String> uris) {
    List<String> list = uris == null ? List.of() : new ArrayList<>(uris);
    if (list.size() > MAX_REDIRECT_URIS) {
      throw new IllegalArgumentException(
          "An app registers at most " + MAX_REDIRECT_URIS + " redirect URIs");
    }
    try {
      return AppRegistry.checkedUris(list);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The " + e.getMessage(), e);
    }
  }

  /** The account's apps, oldest first. */
  public List<OwnedApp> mine(long userId) {
    List<String> ids =
        jdbc.queryForList(
            "SELECT client_id FROM apps WHERE owner_user_id = ? ORDER BY created_at, client_id",
            String.class,
            userId);
    return ids.stream().map(this::any).flatMap(Optional::stream).toList();
  }

  /** The app, when the account owns it; empty for another account's app or no app. */
  public Optional<OwnedApp> find(long userId, String clientId) {
    return stored(clientId)
        .filter(s -> s.ownerUserId() != null && s.ownerUserId() == userId)
        .map(Stored::app);
  }

  /** Any app as the portal shows it (for an operator), whoever owns it. */
  public Optional<OwnedApp> any(String clientId) {
    return stored(clientId).map(Stored::app);
  }

  /** A row of {@code apps} with the portal's columns. */
  private record Stored(OwnedApp app, Long ownerUserId) {}

  /** The app with the portal's columns and its owner, read in one query. */
  private Optional<Stored> stored(String clientId) {
    return jdbc
        .query(
            "SELECT * FROM apps WHERE client_id = ?",
            (rs, i) -> {
              String requested = rs.getString("requested_plan");
              String description = rs.getString("description");
              long owner = rs.getLong("owner_user_id");
              return new Stored(
                  new OwnedApp(
                      AppRegistry.MAPPER.mapRow(rs, i),
                      description == null ? "" : description,
                      requested == null ? Optional.empty() : Optional.of(App.Plan.of(requested))),
                  rs.wasNull() ? null : owner);
            },
            clientId)
        .stream()
        .findFirst();
  }

  /**
   * Issues a new secret for the account's app; the old one stops working at once.
   *
   * @return empty when the account owns no such app
   */
  public Optional<AppRegistry.Issued> rotateSecret(long userId, String clientId) {
    return find(userId, clientId).map(a -> registry.rotateSecret(clientId));
  }

  /**
   * Deletes the account's app, its tokens, consents and usage counts.
   *
   * @return false when the account owns no such app
   */
  public boolean delete(long userId, String clientId) {
    if (find(userId, clientId).isEmpty()) {
      return false;
    }
    tx.executeWithoutResult(
        s -> {
          registry.delete(clientId);
          usage.forget(clientId);
        });
    return true;
  }

  /**
   * The operator grants the plan an app asked for.
   *
   * @throws IllegalArgumentException when no app has that client id or it asked for no plan
   */
  public App approvePlan(String clientId) {
    OwnedApp a =
        any(clientId)
            .orElseThrow(() -> new IllegalArgumentException("no app with client id " + clientId));
    App.Plan plan =
        a.requestedPlan()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "app " + clientId + " has asked for no other plan"));
    return tx.execute(
        s -> {
          jdbc.update("UPDATE apps SET requested_plan = NULL WHERE client_id = ?", clientId);
          return registry.setPlan(clientId, plan);
        });
  }

  /** The operator turns the plan request down: the app keeps its plan and no longer asks. */
  public void declinePlan(String clientId) {
    registry.require(clientId);
    jdbc.update("UPDATE apps SET requested_plan = NULL WHERE client_id = ?", clientId);
  }

  /** The apps waiting for the operator's approval of a plan, oldest first. */
  public List<OwnedApp> awaitingApproval() {
    return jdbc
        .queryForList(
            "SELECT client_id FROM apps WHERE requested_plan IS NOT NULL"
                + " ORDER BY created_at, client_id",
            String.class)
        .stream()
        .map(this::any)
        .flatMap(Optional::stream)
        .toList();
  }
}

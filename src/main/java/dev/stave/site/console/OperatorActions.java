package dev.stave.site.console;

import dev.stave.access.Accounts;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.AppSelfService;
import dev.stave.access.limits.AppLimits;
import dev.stave.access.limits.AppLimitsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an operator does in the console, done through the same services the CLI's {@code stave apps}
 * and {@code stave users} commands call ({@link AppRegistry}, {@link AppLimitsStore}, {@link
 * AppSelfService}, {@link Accounts}), so a change made here is the change the command makes, and
 * every node sees it as it sees the command's. Each action is written to the audit log (logger
 * {@value #AUDIT}): who, what, on which app or account.
 */
@Component
public class OperatorActions {
  /** The logger of the audit lines, so they can be routed apart (e.g. to their own file). */
  public static final String AUDIT = "dev.stave.audit";

  private static final Logger audit = LoggerFactory.getLogger(AUDIT);

  private final AppRegistry apps;
  private final AppLimitsStore limits;
  private final Accounts accounts;
  private final AppSelfService selfService;

  public OperatorActions(
      AppRegistry apps, AppLimitsStore limits, Accounts accounts, AppSelfService selfService) {
    this.selfService = selfService;
    this.apps = apps;
    this.limits = limits;
    this.accounts = accounts;
  }

  /**
   * Suspends or resumes an app (suspended: Jamendo code 11, OAuth2 {@code invalid_client}).
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public App setState(Operator operator, String clientId, App.State state) {
    App app = apps.setState(clientId, state);
    audit(operator, state == App.State.SUSPENDED ? "suspended" : "resumed", "app", clientId, "");
    return app;
  }

  /**
   * Sets an app's plan.
   *
   * @throws IllegalArgumentException when no app has that client id or the plan is unknown
   */
  public App setPlan(Operator operator, String clientId, String plan) {
    App app = apps.setPlan(clientId, App.Plan.of(plan == null ? "" : plan));
    audit(operator, "set the plan of", "app", clientId, "to " + app.plan().key());
    return app;
  }

  /**
   * Gives an app the plan its developer asked for in the developer portal ({@code stave apps
   * approve-plan}).
   *
   * @throws IllegalArgumentException when no app has that client id or it asked for no plan
   */
  public App approvePlan(Operator operator, String clientId) {
    App app = selfService.approvePlan(clientId);
    audit(
        operator, "approved the plan asked for by", "app", clientId, "(" + app.plan().key() + ")");
    return app;
  }

  /**
   * Turns down the plan an app asked for; it keeps its plan ({@code stave apps decline-plan}).
   *
   * @throws IllegalArgumentException when no app has that client id
   */
  public void declinePlan(Operator operator, String clientId) {
    selfService.declinePlan(clientId);
    audit(operator, "declined the plan asked for by", "app", clientId, "");
  }

  /**
   * Sets an app's own limits, each typed as for {@code stave apps set-limits}: a number, {@code
   * unlimited} or {@code default}; a blank field keeps the value.
   *
   * @throws InvalidLimit naming the field for a value that is none of these
   * @throws IllegalArgumentException when no app has that client id
   */
  public AppLimits setLimits(Operator operator, String clientId, String perMinute, String monthly) {
    App app = apps.require(clientId);
    AppLimits own = limits.find(app.clientId()).orElse(AppLimits.DEFAULTS);
    AppLimits set =
        new AppLimits(
            parse("perMinute", "Requests per minute", perMinute, own.perMinute()),
            parse("monthly", "Monthly quota", monthly, own.monthly()));
    limits.set(clientId, set);
    audit(
        operator,
        "set the limits of",
        "app",
        clientId,
        "to " + text(set.perMinute()) + "/minute, " + text(set.monthly()) + "/month");
    return set;
  }

  private static Long parse(String field, String label, String given, Long current) {
    try {
      return AppLimits.parse(label, given, current);
    } catch (IllegalArgumentException e) {
      throw new InvalidLimit(field, e.getMessage());
    }
  }

  private static String text(Long limit) {
    return limit == null ? "default" : limit == 0 ? "unlimited" : limit.toString();
  }

  /**
   * Disables or enables the account of the user named {@code name}: a disabled account cannot log
   * in and its tokens stop working.
   *
   * @throws IllegalArgumentException when no account has that name
   */
  public void setActive(Operator operator, String name, boolean active) {
    long userId = accounts.setActive(name, active);
    audit(operator, active ? "enabled" : "disabled", "account", name, "(user " + userId + ")");
  }

  private static void audit(
      Operator operator, String what, String kind, String target, String detail) {
    audit.info(
        "operator {} (user {}) {} {} {}{}",
        operator.name(),
        operator.userId(),
        what,
        kind,
        target,
        detail.isEmpty() ? "" : " " + detail);
  }

  /** The operator acting: the logged-in account. */
  public record Operator(long userId, String name) {}

  /** A limit an operator typed that is not one, and the form field it came from. */
  public static final class InvalidLimit extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidLimit(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}

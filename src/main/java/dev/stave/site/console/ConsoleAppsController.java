package dev.stave.site.console;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.AppSelfService;
import dev.stave.access.limits.AppLimits;
import dev.stave.access.limits.AppLimitsStore;
import dev.stave.access.limits.LimitsProperties;
import dev.stave.site.PageNotFoundException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's apps: a searchable, paged list (first the apps whose developers asked for another
 * plan), and a page per app where the operator suspends or resumes it, approves or declines the
 * plan asked for, sets its plan and its limits, and opens its usage (the developer portal's usage
 * page, which operators may open for any app). Every action is a form POST answered with a redirect
 * and a one-line result (post/redirect/get), so it works without script and a reload does not
 * repeat it; a limit that is not one is shown next to its field instead.
 */
@Controller
@ConditionalOnWebApplication
public class ConsoleAppsController {
  private final AppRegistry apps;
  private final AppLimitsStore limits;
  private final LimitsProperties server;
  private final OperatorActions actions;
  private final CurrentOperator operators;
  private final AppSelfService selfService;

  public ConsoleAppsController(
      AppSelfService selfService,
      AppRegistry apps,
      AppLimitsStore limits,
      LimitsProperties server,
      OperatorActions actions,
      CurrentOperator operators) {
    this.selfService = selfService;
    this.apps = apps;
    this.limits = limits;
    this.server = server;
    this.actions = actions;
    this.operators = operators;
  }

  /**
   * An app as a row of the list: the app, the limits in force as words, and the plan its developer
   * asked for in the portal and waits for (null when none).
   */
  public record AppRow(App app, String limits, App.Plan requestedPlan) {
    public String usage() {
      return usagePath(app.clientId());
    }
  }

  /** The developer portal's usage page of an app. */
  static String usagePath(String clientId) {
    return "/developer/apps/" + clientId + "/usage";
  }

  @GetMapping("/console")
  public String home() {
    return "redirect:/console/apps";
  }

  @GetMapping("/console/apps")
  public String list(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    long total = apps.page(q, 0, 0).total();
    Paging paging = Paging.of(page, total);
    List<AppRow> rows =
        apps.page(q, paging.offset(), paging.size()).apps().stream().map(this::row).toList();
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("paging", paging);
    model.addAttribute("rows", rows);
    model.addAttribute(
        "waiting", selfService.awaitingApproval().stream().map(a -> row(a.app())).toList());
    return "console/apps";
  }

  private AppRow row(App app) {
    return new AppRow(
        app,
        limits.find(app.clientId()).orElse(AppLimits.DEFAULTS).describe(server),
        selfService
            .any(app.clientId())
            .flatMap(AppSelfService.OwnedApp::requestedPlan)
            .orElse(null));
  }

  @GetMapping("/console/apps/{clientId}")
  public String show(@PathVariable String clientId, Model model) {
    Optional<App> app = apps.find(clientId);
    if (app.isEmpty()) {
      throw new PageNotFoundException("No app has the client id " + clientId + ".");
    }
    AppLimits own = limits.find(clientId).orElse(AppLimits.DEFAULTS);
    model.addAttribute("row", row(app.get()));
    model.addAttribute("plans", List.of(App.Plan.values()));
    if (!model.containsAttribute("perMinute")) {
      model.addAttribute("perMinute", formValue(own.perMinute()));
      model.addAttribute("monthly", formValue(own.monthly()));
    }
    model.addAttribute("defaults", server.app());
    return "console/app";
  }

  /** A limit as the form shows it: the number, {@code unlimited} or {@code default}. */
  private static String formValue(Long limit) {
    return limit == null ? "default" : limit == 0 ? "unlimited" : limit.toString();
  }

  @PostMapping("/console/apps/{clientId}/suspend")
  public String suspend(
      @PathVariable String clientId, Principal principal, RedirectAttributes flash) {
    App app = actions.setState(operators.of(principal), clientId, App.State.SUSPENDED);
    flash.addFlashAttribute(
        "message", "Suspended " + app.name() + ": its client id answers code 11.");
    return redirectToApp(clientId);
  }

  @PostMapping("/console/apps/{clientId}/resume")
  public String resume(
      @PathVariable String clientId, Principal principal, RedirectAttributes flash) {
    App app = actions.setState(operators.of(principal), clientId, App.State.ACTIVE);
    flash.addFlashAttribute("message", "Resumed " + app.name() + ".");
    return redirectToApp(clientId);
  }

  @PostMapping("/console/apps/{clientId}/plan")
  public String plan(
      @PathVariable String clientId,
      @RequestParam(name = "plan", required = false) String plan,
      Principal principal,
      RedirectAttributes flash) {
    App app = actions.setPlan(operators.of(principal), clientId, plan);
    flash.addFlashAttribute(
        "message", "The plan of " + app.name() + " is now " + app.plan().key() + ".");
    return redirectToApp(clientId);
  }

  @PostMapping("/console/apps/{clientId}/approve-plan")
  public String approvePlan(
      @PathVariable String clientId, Principal principal, RedirectAttributes flash) {
    App app = actions.approvePlan(operators.of(principal), clientId);
    flash.addFlashAttribute(
        "message", "Approved: " + app.name() + " is now " + app.plan().key() + ".");
    return redirectToApp(clientId);
  }

  @PostMapping("/console/apps/{clientId}/decline-plan")
  public String declinePlan(
      @PathVariable String clientId, Principal principal, RedirectAttributes flash) {
    actions.declinePlan(operators.of(principal), clientId);
    flash.addFlashAttribute(
        "message", "Declined: the app keeps its plan and no longer asks for another.");
    return redirectToApp(clientId);
  }

  @PostMapping("/console/apps/{clientId}/limits")
  public String limits(
      @PathVariable String clientId,
      @RequestParam(name = "perMinute", required = false) String perMinute,
      @RequestParam(name = "monthly", required = false) String monthly,
      Principal principal,
      Model model,
      RedirectAttributes flash,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      AppLimits set = actions.setLimits(operators.of(principal), clientId, perMinute, monthly);
      flash.addFlashAttribute("message", "Limits set: " + set.describe(server) + ".");
      return redirectToApp(clientId);
    } catch (OperatorActions.InvalidLimit e) {
      // The form again, with what was typed and the error next to its field.
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("perMinute", perMinute == null ? "" : perMinute);
      model.addAttribute("monthly", monthly == null ? "" : monthly);
      model.addAttribute("fieldError", e.field());
      model.addAttribute("fieldErrorMessage", e.getMessage());
      return show(clientId, model);
    }
  }

  private static String redirectToApp(String clientId) {
    return "redirect:"
        + UriComponentsBuilder.fromPath("/console/apps/{id}").buildAndExpand(clientId).encode();
  }
}

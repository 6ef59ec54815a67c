package dev.stave.access.web;

import static dev.stave.access.oauth.AuthorizationServerConfiguration.AUTHORIZE;
import static dev.stave.access.oauth.AuthorizationServerConfiguration.CONSENT_PAGE;
import static dev.stave.access.oauth.AuthorizationServerConfiguration.LOGIN_PAGE;

import dev.stave.access.Accounts;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.oauth.Grants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Stave's own account pages: log in, sign up, the consent page of the OAuth2 authorize flow, and
 * the account page listing the apps the user granted access to, each with a revoke button. Plain
 * forms that work without script, rendered with the web face's layout (templates under {@code
 * site/templates/account/}) so they look like every other page; Thymeleaf escapes every value and
 * every form carries the CSRF token.
 */
@Controller
@ConditionalOnWebApplication
public class AccountPages {
  private final Accounts accounts;
  private final AppRegistry apps;
  private final Grants grants;

  public AccountPages(Accounts accounts, AppRegistry apps, Grants grants) {
    this.accounts = accounts;
    this.apps = apps;
    this.grants = grants;
  }

  @GetMapping(LOGIN_PAGE)
  public String login(HttpServletRequest request, HttpServletResponse response, Model model) {
    noStore(response);
    if (request.getParameter("error") != null) {
      model.addAttribute("error", "Wrong user name, e-mail or password.");
    } else if (request.getParameter("locked") != null) {
      model.addAttribute(
          "error",
          "Too many failed logins for this account. Try again in "
              + LoginThrottle.LOCK.toMinutes()
              + " minutes.");
    } else if (request.getParameter("disabled") != null) {
      model.addAttribute("error", "This account is disabled.");
    } else if (request.getParameter("registered") != null) {
      model.addAttribute("ok", "Your account is ready: log in.");
    } else if (request.getParameter("logout") != null) {
      model.addAttribute("ok", "You are logged out.");
    }
    return "account/login";
  }

  @GetMapping(WebSecurityConfiguration.SIGNUP)
  public String signupForm(HttpServletResponse response, Model model) {
    noStore(response);
    return signupPage(model, "", "", null);
  }

  @PostMapping(WebSecurityConfiguration.SIGNUP)
  public Object signup(
      HttpServletResponse response,
      Model model,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password) {
    noStore(response);
    try {
      accounts.create(name, email, password);
    } catch (Accounts.AccountException e) {
      String kind =
          switch (e.problem()) {
            case EMAIL_TAKEN -> "Email Already Exist (code 22)";
            case NAME_TAKEN -> "Duplicate Value (code 23)";
            case INVALID -> "Invalid User (code 21)";
          };
      response.setStatus(
          e.problem() == Accounts.Problem.INVALID
              ? HttpStatus.BAD_REQUEST.value()
              : HttpStatus.CONFLICT.value());
      return signupPage(
          model, name, email, new FieldError(e.field(), kind + ": " + e.getMessage()));
    }
    // 303: the browser follows with a GET, whatever the POST was (RFC 9110 §15.4.4).
    RedirectView toLogin = new RedirectView(LOGIN_PAGE + "?registered");
    toLogin.setStatusCode(HttpStatus.SEE_OTHER);
    return toLogin;
  }

  /** A sign-up refusal, shown next to the field it concerns. */
  public record FieldError(String field, String message) {}

  private static String signupPage(Model model, String name, String email, FieldError error) {
    model.addAttribute("name", name);
    model.addAttribute("email", email);
    model.addAttribute("minPassword", Accounts.MIN_PASSWORD);
    model.addAttribute("fieldError", error);
    return "account/signup";
  }

  /** The authorization server sends the user here to approve an app (spec §10.3). */
  @GetMapping(CONSENT_PAGE)
  public String consent(
      HttpServletResponse response,
      Model model,
      @RequestParam(name = "client_id") String clientId,
      @RequestParam(defaultValue = "") String state,
      @RequestParam(defaultValue = "music") String scope) {
    noStore(response);
    model.addAttribute("appName", apps.find(clientId).map(App::name).orElse(clientId));
    model.addAttribute("clientId", clientId);
    model.addAttribute("state", state);
    model.addAttribute("scope", scope);
    model.addAttribute("authorize", AUTHORIZE);
    return "account/consent";
  }

  @GetMapping(WebSecurityConfiguration.ACCOUNT)
  public String account(
      HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
    noStore(response);
    model.addAttribute("granted", grants.granted(Long.parseLong(principal.getName())));
    model.addAttribute("revoked", request.getParameter("revoked") != null);
    return "account/account";
  }

  /** Revokes an app: its consent and every token it holds for this user. */
  @PostMapping(WebSecurityConfiguration.ACCOUNT + "/revoke")
  public ResponseEntity<Void> revoke(
      Principal principal, @RequestParam(name = "client_id") String clientId) {
    grants.revoke(Long.parseLong(principal.getName()), clientId);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, WebSecurityConfiguration.ACCOUNT + "?revoked")
        .build();
  }

  /** Account pages hold tokens and personal data: never kept by a cache. */
  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}

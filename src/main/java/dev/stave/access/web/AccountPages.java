package dev.stave.access.web;

import static dev.stave.access.oauth.AuthorizationServerConfiguration.AUTHORIZE;
import static dev.stave.access.oauth.AuthorizationServerConfiguration.CONSENT_PAGE;
import static dev.stave.access.oauth.AuthorizationServerConfiguration.LOGIN_PAGE;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.stave.access.Accounts;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.oauth.Grants;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stave's own HTML pages: log in, sign up, the consent page of the OAuth2 authorize flow, and the
 * account page listing the apps the user granted access to, each with a revoke button. Plain forms,
 * no script; every value written into the page is HTML-escaped, every form carries the CSRF token.
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
  public ResponseEntity<String> login(HttpServletRequest request) {
    String note = "";
    if (request.getParameter("error") != null) {
      note = error("Wrong user name, e-mail or password.");
    } else if (request.getParameter("locked") != null) {
      note =
          error(
              "Too many failed logins for this account. Try again in "
                  + LoginThrottle.LOCK.toMinutes()
                  + " minutes.");
    } else if (request.getParameter("disabled") != null) {
      note = error("This account is disabled.");
    } else if (request.getParameter("registered") != null) {
      note = "<p class=\"ok\">Your account is ready: log in.</p>";
    } else if (request.getParameter("logout") != null) {
      note = "<p class=\"ok\">You are logged out.</p>";
    }
    return page(
        HttpStatus.OK,
        "Log in",
        note
            + "<form method=\"post\" action=\""
            + LOGIN_PAGE
            + "\">"
            + csrf(request)
            + "<label>User name or e-mail <input name=\"username\" autocomplete=\"username\""
            + " required></label>"
            + "<label>Password <input type=\"password\" name=\"password\""
            + " autocomplete=\"current-password\" required></label>"
            + "<button type=\"submit\">Log in</button></form>"
            + "<p>No account? <a href=\""
            + WebSecurityConfiguration.SIGNUP
            + "\">Sign up</a>.</p>");
  }

  @GetMapping(WebSecurityConfiguration.SIGNUP)
  public ResponseEntity<String> signupForm(HttpServletRequest request) {
    return signupPage(HttpStatus.OK, request, "", "", "");
  }

  @PostMapping(WebSecurityConfiguration.SIGNUP)
  public ResponseEntity<String> signup(
      HttpServletRequest request,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password) {
    try {
      accounts.create(name, email, password);
    } catch (Accounts.AccountException e) {
      String kind =
          switch (e.problem()) {
            case EMAIL_TAKEN -> "Email Already Exist (code 22)";
            case NAME_TAKEN -> "Duplicate Value (code 23)";
            case INVALID -> "Invalid User (code 21)";
          };
      HttpStatus status =
          e.problem() == Accounts.Problem.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
      return signupPage(status, request, error(kind + ": " + e.getMessage()), name, email);
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, LOGIN_PAGE + "?registered")
        .build();
  }

  private ResponseEntity<String> signupPage(
      HttpStatus status, HttpServletRequest request, String note, String name, String email) {
    return page(
        status,
        "Sign up",
        note
            + "<form method=\"post\" action=\""
            + WebSecurityConfiguration.SIGNUP
            + "\">"
            + csrf(request)
            + "<label>User name <input name=\"name\" value=\""
            + htmlEscape(name)
            + "\" required></label>"
            + "<label>E-mail <input type=\"email\" name=\"email\" value=\""
            + htmlEscape(email)
            + "\" required></label>"
            + "<label>Password (at least "
            + Accounts.MIN_PASSWORD
            + " characters) <input type=\"password\" name=\"password\""
            + " autocomplete=\"new-password\" required></label>"
            + "<button type=\"submit\">Create account</button></form>");
  }

  /** The authorization server sends the user here to approve an app (spec §10.3). */
  @GetMapping(CONSENT_PAGE)
  public ResponseEntity<String> consent(
      HttpServletRequest request,
      @RequestParam(name = "client_id") String clientId,
      @RequestParam(defaultValue = "") String state,
      @RequestParam(defaultValue = "music") String scope) {
    String appName = apps.find(clientId).map(App::name).orElse(clientId);
    String hidden =
        "<input type=\"hidden\" name=\"client_id\" value=\""
            + htmlEscape(clientId)
            + "\"><input type=\"hidden\" name=\"state\" value=\""
            + htmlEscape(state)
            + "\">";
    return page(
        HttpStatus.OK,
        "Allow " + appName + "?",
        "<p><strong>"
            + htmlEscape(appName)
            + "</strong> asks for access to your music ("
            + htmlEscape(scope)
            + "): to read your library and to add or remove fans, favorites, likes, dislikes and"
            + " albums on your behalf. You can revoke this at any time on your"
            + " <a href=\"/account\">account page</a>.</p>"
            + "<form method=\"post\" action=\""
            + AUTHORIZE
            + "\">"
            + hidden
            + "<input type=\"hidden\" name=\"scope\" value=\"music\">"
            + "<button type=\"submit\">Allow</button></form>"
            + "<form method=\"post\" action=\""
            + AUTHORIZE
            + "\">"
            + hidden
            + "<button type=\"submit\">Deny</button></form>");
  }

  @GetMapping(WebSecurityConfiguration.ACCOUNT)
  public ResponseEntity<String> account(HttpServletRequest request, Principal principal) {
    List<App> granted = grants.granted(Long.parseLong(principal.getName()));
    StringBuilder body = new StringBuilder();
    if (request.getParameter("revoked") != null) {
      body.append("<p class=\"ok\">Access revoked.</p>");
    }
    body.append("<h2>Apps with access to your music</h2>");
    if (granted.isEmpty()) {
      body.append("<p>None.</p>");
    } else {
      body.append("<ul>");
      for (App app : granted) {
        body.append("<li>")
            .append(htmlEscape(app.name()))
            .append(" <form method=\"post\" action=\"/account/revoke\">")
            .append(csrf(request))
            .append("<input type=\"hidden\" name=\"client_id\" value=\"")
            .append(htmlEscape(app.clientId()))
            .append("\"><button type=\"submit\">Revoke</button></form></li>");
      }
      body.append("</ul>");
    }
    body.append("<p><a href=\"/account/subsonic\">Music players (Subsonic)</a></p>");
    body.append("<form method=\"post\" action=\"/logout\">")
        .append(csrf(request))
        .append("<button type=\"submit\">Log out</button></form>");
    return page(HttpStatus.OK, "Your account", body.toString());
  }

  /** Revokes an app: its consent and every token it holds for this user. */
  @PostMapping(WebSecurityConfiguration.ACCOUNT + "/revoke")
  public ResponseEntity<String> revoke(
      Principal principal, @RequestParam(name = "client_id") String clientId) {
    grants.revoke(Long.parseLong(principal.getName()), clientId);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .header(HttpHeaders.LOCATION, WebSecurityConfiguration.ACCOUNT + "?revoked")
        .build();
  }

  private static String csrf(HttpServletRequest request) {
    Object attribute = request.getAttribute(CsrfToken.class.getName());
    if (!(attribute instanceof CsrfToken token)) {
      return "";
    }
    return "<input type=\"hidden\" name=\""
        + htmlEscape(token.getParameterName())
        + "\" value=\""
        + htmlEscape(token.getToken())
        + "\">";
  }

  private static String error(String message) {
    return "<p class=\"error\">" + htmlEscape(message) + "</p>";
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + htmlEscape(title)
            + " · Stave</title><style>body{font:16px system-ui,sans-serif;max-width:32em;"
            + "margin:3em auto;padding:0 1em}label{display:block;margin:.8em 0}"
            + "input{display:block;width:100%;padding:.4em}button{margin:.8em .5em 0 0;"
            + "padding:.4em 1.2em}form{display:inline-block}.error{color:#b00020}"
            + ".ok{color:#106010}li form{margin-left:1em}</style></head><body><h1>"
            + htmlEscape(title)
            + "</h1>"
            + body
            + "</body></html>";
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(html);
  }
}

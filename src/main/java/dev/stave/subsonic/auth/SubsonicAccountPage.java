package dev.stave.subsonic.auth;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/subsonic}: where a logged-in listener creates, replaces or revokes the Subsonic
 * password and API key their music players use ({@link SubsonicCredentials}). A new secret is shown
 * once, on the answer to the POST that made it. The page lives under {@code /account/}, so the
 * account pages' security chain (login required, CSRF tokens) guards it; it is its own controller
 * so that the account page itself only links to it.
 */
@Controller
class SubsonicAccountPage {
  static final String PATH = "/account/subsonic";

  private final SubsonicCredentials credentials;

  SubsonicAccountPage(SubsonicCredentials credentials) {
    this.credentials = credentials;
  }

  @GetMapping(PATH)
  ResponseEntity<String> show(HttpServletRequest request, Principal principal) {
    return page(request, userId(principal), null);
  }

  /** {@code what}: password or api-key; {@code action}: create or revoke. */
  @PostMapping(PATH)
  ResponseEntity<String> change(
      HttpServletRequest request,
      Principal principal,
      @RequestParam String what,
      @RequestParam String action) {
    long userId = userId(principal);
    boolean password = "password".equals(what);
    if (!password && !"api-key".equals(what)
        || !"create".equals(action) && !"revoke".equals(action)) {
      return ResponseEntity.badRequest()
          .contentType(MediaType.TEXT_PLAIN)
          .body("what must be password or api-key, action create or revoke\n");
    }
    String message;
    if ("revoke".equals(action)) {
      if (password) {
        credentials.revokePassword(userId);
      } else {
        credentials.revokeApiKey(userId);
      }
      message = (password ? "Subsonic password" : "API key") + " revoked.";
    } else {
      String secret = password ? credentials.newPassword(userId) : credentials.newApiKey(userId);
      message =
          (password ? "Your new Subsonic password" : "Your new API key")
              + " (shown once): <code id=\"secret\">"
              + htmlEscape(secret)
              + "</code>";
    }
    return page(request, userId, message);
  }

  private ResponseEntity<String> page(HttpServletRequest request, long userId, String message) {
    SubsonicCredentials.Status status = credentials.status(userId);
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Music players · Stave</title></head><body><h1>Music players</h1>");
    if (message != null) {
      b.append("<p class=\"ok\">").append(message).append("</p>");
    }
    b.append("<p>Players that speak Subsonic (DSub, Symfonium, Feishin, Substreamer…) connect to")
        .append(" this server with your user name and a <em>Subsonic password</em>, or with an")
        .append(
            " <em>API key</em> alone. Neither is your login password; each can be revoked.</p>");
    section(b, request, "password", "Subsonic password", status.passwordSetAt());
    section(b, request, "api-key", "API key", status.apiKeySetAt());
    b.append("<p><a href=\"/account\">Back to your account</a></p></body></html>");
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(b.toString());
  }

  private static void section(
      StringBuilder b, HttpServletRequest request, String what, String title, Instant setAt) {
    b.append("<h2>")
        .append(title)
        .append("</h2><p>")
        .append(setAt == null ? "None." : "Set " + setAt + ".")
        .append("</p>");
    form(b, request, what, "create", setAt == null ? "Create" : "Replace");
    if (setAt != null) {
      form(b, request, what, "revoke", "Revoke");
    }
  }

  private static void form(
      StringBuilder b, HttpServletRequest request, String what, String action, String label) {
    b.append("<form method=\"post\" action=\"").append(PATH).append("\">");
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      b.append("<input type=\"hidden\" name=\"")
          .append(htmlEscape(token.getParameterName()))
          .append("\" value=\"")
          .append(htmlEscape(token.getToken()))
          .append("\">");
    }
    b.append("<input type=\"hidden\" name=\"what\" value=\"")
        .append(what)
        .append("\">")
        .append("<input type=\"hidden\" name=\"action\" value=\"")
        .append(action)
        .append("\">")
        .append("<button type=\"submit\">")
        .append(label)
        .append("</button></form> ");
  }

  private static long userId(Principal principal) {
    // the principal's name is the account's user id (AccountUserDetails)
    return Long.parseLong(principal.getName());
  }
}

package dev.stave.subsonic.auth;

import dev.stave.config.PublicUrl;
import dev.stave.subsonic.auth.SubsonicCredentials.Kind;
import dev.stave.web.LayoutPages;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/subsonic}: where a logged-in listener creates, replaces or revokes the Subsonic
 * password and API key their music players use ({@link SubsonicCredentials}). A new secret is shown
 * once, on the answer to the POST that made it. The page lives under {@code /account/}, so the
 * account pages' security chain (login required, CSRF tokens) guards it.
 *
 * <p>Decision: the controller stays in the Subsonic feature (it is the only place that knows these
 * credentials; the account pages in {@code access.web} are core and may not depend on a dialect),
 * and renders the Thymeleaf template {@code account/subsonic} beside the other account pages, in
 * the web face's layout. A template is a resource, not a class, so no face depends on another; the
 * layout's header needs the web face's {@code viewer}, which {@link LayoutPages} asks for.
 */
@Controller
@LayoutPages
@ConditionalOnWebApplication
class SubsonicAccountPage {
  static final String PATH = "/account/subsonic";

  private final SubsonicCredentials credentials;
  private final PublicUrl publicUrl;

  SubsonicAccountPage(SubsonicCredentials credentials, PublicUrl publicUrl) {
    this.credentials = credentials;
    this.publicUrl = publicUrl;
  }

  /** One credential as the page lists it: its form name, its label, when it was set (or null). */
  record Credential(String what, String label, Instant setAt) {}

  @GetMapping(PATH)
  String show(HttpServletResponse response, Principal principal, Model model) {
    return page(response, userId(principal), model);
  }

  /** {@code what}: password or api-key; {@code action}: create or revoke. */
  @PostMapping(PATH)
  String change(
      HttpServletResponse response,
      Principal principal,
      Model model,
      @RequestParam(defaultValue = "") String what,
      @RequestParam(defaultValue = "") String action) {
    long userId = userId(principal);
    Kind kind = Kind.ofParam(what).orElse(null);
    if (kind == null || !"create".equals(action) && !"revoke".equals(action)) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", "what must be password or api-key, action create or revoke");
      return page(response, userId, model);
    }
    if ("revoke".equals(action)) {
      credentials.revoke(kind, userId);
      model.addAttribute("revoked", kind.label());
    } else {
      model.addAttribute("secret", credentials.create(kind, userId));
      model.addAttribute("secretLabel", kind.label());
    }
    return page(response, userId, model);
  }

  private String page(HttpServletResponse response, long userId, Model model) {
    // the page may show a secret: never kept by a cache
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    SubsonicCredentials.Status status = credentials.status(userId);
    model.addAttribute(
        "credentials",
        Arrays.stream(Kind.values())
            .map(k -> new Credential(k.param(), k.label(), status.setAt(k)))
            .toList());
    model.addAttribute("serverUrl", publicUrl.base());
    return "account/subsonic";
  }

  private static long userId(Principal principal) {
    // the principal's name is the account's user id (AccountUserDetails)
    return Long.parseLong(principal.getName());
  }
}

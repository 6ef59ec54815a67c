package dev.stave.site.portal;

import dev.stave.access.AppRegistry;
import dev.stave.access.AppSelfService;
import dev.stave.access.AppSelfService.OwnedApp;
import dev.stave.site.PageNotFoundException;
import dev.stave.site.SitePaths;
import dev.stave.site.Viewer;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The developer portal's app pages ({@code /developer}): a logged-in account lists, registers,
 * inspects, rotates the secret of and deletes its own apps, through the same {@link AppSelfService}
 * the CLI uses. Forms are plain POSTs (CSRF token in a hidden field) that work without script; each
 * action redirects to a page (post/redirect/get), and the client secret, after a create or a
 * rotation, travels to that page once as a flash attribute (kept in the session only until it is
 * shown), so a reload never shows it again.
 *
 * <p>Another account's app answers the same 404 as an app that does not exist, so the portal does
 * not tell which client ids are registered.
 */
@Controller
public class PortalController {
  static final String APPS = SitePaths.DEVELOPER + "/apps";

  private final AppSelfService apps;

  public PortalController(AppSelfService apps) {
    this.apps = apps;
  }

  @GetMapping({SitePaths.DEVELOPER, SitePaths.DEVELOPER + "/", APPS})
  public String myApps(@ModelAttribute("viewer") Viewer viewer, Model model) {
    model.addAttribute("apps", apps.mine(viewer.userId()));
    model.addAttribute("maxApps", AppSelfService.MAX_APPS_PER_ACCOUNT);
    return "portal/apps";
  }

  @GetMapping(APPS + "/new")
  public String registerForm(Model model) {
    return form(model, AppForm.EMPTY, Map.of());
  }

  @PostMapping(APPS)
  public String register(
      @ModelAttribute("viewer") Viewer viewer,
      AppForm form,
      Model model,
      RedirectAttributes redirect) {
    AppRegistry.Issued issued;
    try {
      issued = apps.register(viewer.userId(), viewer.name(), form.registration());
    } catch (AppSelfService.InvalidFields e) {
      // 200, not 422: htmx swaps only successful answers, and the page is the form again
      return form(model, form, e.errors());
    }
    redirect.addFlashAttribute("secret", issued.clientSecret());
    redirect.addFlashAttribute("created", true);
    return "redirect:" + APPS + "/" + issued.app().clientId();
  }

  private String form(Model model, AppForm form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("selfServicePlan", apps.selfServicePlan().key());
    return "portal/register";
  }

  @GetMapping(APPS + "/{clientId}")
  public String app(
      @ModelAttribute("viewer") Viewer viewer, @PathVariable String clientId, Model model) {
    model.addAttribute("owned", own(viewer, clientId));
    return "portal/app";
  }

  @PostMapping(APPS + "/{clientId}/secret")
  public String rotate(
      @ModelAttribute("viewer") Viewer viewer,
      @PathVariable String clientId,
      RedirectAttributes redirect) {
    AppRegistry.Issued issued =
        apps.rotateSecret(viewer.userId(), clientId).orElseThrow(() -> noSuchApp(clientId));
    redirect.addFlashAttribute("secret", issued.clientSecret());
    redirect.addFlashAttribute("rotated", true);
    return "redirect:" + APPS + "/" + clientId;
  }

  @GetMapping(APPS + "/{clientId}/delete")
  public String confirmDelete(
      @ModelAttribute("viewer") Viewer viewer, @PathVariable String clientId, Model model) {
    model.addAttribute("owned", own(viewer, clientId));
    return "portal/delete";
  }

  @PostMapping(APPS + "/{clientId}/delete")
  public String delete(
      @ModelAttribute("viewer") Viewer viewer,
      @PathVariable String clientId,
      RedirectAttributes redirect) {
    OwnedApp owned = own(viewer, clientId);
    apps.delete(viewer.userId(), clientId);
    redirect.addFlashAttribute("deleted", owned.app().name());
    return "redirect:" + APPS;
  }

  /**
   * "Try it": the API documentation with this app's client id filled in. The page stores the id
   * where Swagger UI keeps its authorizations ({@code springdoc.swagger-ui.persist-authorization})
   * and goes on to {@code /docs} (portal-try.js); without script it shows the id to paste into the
   * documentation's "Authorize" dialog.
   */
  @GetMapping(APPS + "/{clientId}/try")
  public String tryIt(
      @ModelAttribute("viewer") Viewer viewer, @PathVariable String clientId, Model model) {
    model.addAttribute("owned", own(viewer, clientId));
    return "portal/try";
  }

  private OwnedApp own(Viewer viewer, String clientId) {
    return apps.find(viewer.userId(), clientId).orElseThrow(() -> noSuchApp(clientId));
  }

  static PageNotFoundException noSuchApp(String clientId) {
    return new PageNotFoundException("You have no app with the client id " + clientId + ".");
  }
}

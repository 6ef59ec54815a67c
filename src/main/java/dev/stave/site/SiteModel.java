package dev.stave.site;

import dev.stave.catalog.CatalogStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.User;
import dev.stave.web.LayoutPages;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the web face (and the account pages, which share its layout) needs in its
 * model, whatever the controller: the viewer (for the header's account menu and the console link).
 * Resolved once per request from the security context: the principal's name is the user id
 * (access.AccountUserDetails), the operator role an authority. Controllers elsewhere that render
 * with the layout (a dialect's account page) ask for it with {@link LayoutPages}.
 */
@ControllerAdvice(
    basePackages = {"dev.stave.site", "dev.stave.access.web"},
    annotations = LayoutPages.class)
public class SiteModel {
  static final String OPERATOR_ROLE = "ROLE_OPERATOR";

  private final CatalogStore catalog;

  public SiteModel(CatalogStore catalog) {
    this.catalog = catalog;
  }

  @ModelAttribute("viewer")
  public Viewer viewer() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Viewer.ANONYMOUS;
    }
    long id;
    try {
      id = Long.parseLong(auth.getName());
    } catch (NumberFormatException e) {
      return Viewer.ANONYMOUS;
    }
    List<User> users = catalog.read(LibraryTables.USERS, List.of(id));
    String name = users.isEmpty() ? auth.getName() : users.getFirst().name();
    boolean operator =
        auth.getAuthorities().stream().anyMatch(a -> OPERATOR_ROLE.equals(a.getAuthority()));
    return new Viewer(id, name, operator);
  }
}

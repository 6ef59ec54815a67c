package dev.stave.site.console;

import dev.stave.access.Accounts;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's accounts: a searchable, paged list with a disable or enable button on each, as
 * {@code stave users disable/enable} do. The operator cannot disable their own account here (it
 * would log them out of the console mid-action); another operator or the CLI can.
 */
@Controller
@ConditionalOnWebApplication
public class ConsoleUsersController {
  private final Accounts accounts;
  private final OperatorActions actions;
  private final CurrentOperator operators;

  public ConsoleUsersController(
      Accounts accounts, OperatorActions actions, CurrentOperator operators) {
    this.accounts = accounts;
    this.actions = actions;
    this.operators = operators;
  }

  @GetMapping("/console/users")
  public String list(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", required = false) String page,
      Principal principal,
      Model model) {
    Paging paging = Paging.of(page, accounts.page(q, 0, 0).total());
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("paging", paging);
    model.addAttribute("accounts", accounts.page(q, paging.offset(), paging.size()).accounts());
    model.addAttribute("me", Long.parseLong(principal.getName()));
    return "console/users";
  }

  @PostMapping("/console/users/disable")
  public String disable(
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", required = false) String page,
      Principal principal,
      RedirectAttributes flash) {
    OperatorActions.Operator me = operators.of(principal);
    if (me.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
      flash.addFlashAttribute(
          "error", "You cannot disable your own account from the console you are using.");
    } else {
      actions.setActive(me, name, false);
      flash.addFlashAttribute(
          "message", "Disabled " + name + ": it cannot log in and its tokens stop working.");
    }
    return back(q, page, flash);
  }

  @PostMapping("/console/users/enable")
  public String enable(
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", required = false) String page,
      Principal principal,
      RedirectAttributes flash) {
    actions.setActive(operators.of(principal), name, true);
    flash.addFlashAttribute("message", "Enabled " + name + ".");
    return back(q, page, flash);
  }

  /** Back to the list the button was pressed on (same search, same page). */
  private static String back(String q, String page, RedirectAttributes redirect) {
    if (q != null && !q.isBlank()) {
      redirect.addAttribute("q", q.strip());
    }
    if (page != null && !page.isBlank()) {
      redirect.addAttribute("page", page.strip());
    }
    return "redirect:/console/users";
  }
}

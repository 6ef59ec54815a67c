package dev.stave.site.home;

import dev.stave.site.SitePaths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: what this server is, its catalog at a glance, a search box, and the ways in — the
 * explorer, the playground, the API documentation of both dialects, the developer portal.
 */
@Controller
public class HomeController {
  private final CatalogSummary summary;

  public HomeController(CatalogSummary summary) {
    this.summary = summary;
  }

  @GetMapping(SitePaths.HOME)
  public String home(Model model) {
    model.addAttribute("counts", summary.counts());
    return "home";
  }
}

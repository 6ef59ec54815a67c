package dev.stave.site.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's catalog page: counts, the last imports and scans with their reports, the analysis
 * queue and the search index ({@link CatalogOverview}). Read-only: imports, scans and rebuilds are
 * long jobs run with the CLI, whose commands the page names.
 */
@Controller
@ConditionalOnWebApplication
public class ConsoleCatalogController {
  private final CatalogOverview overview;

  public ConsoleCatalogController(CatalogOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/console/catalog")
  public String catalog(Model model) {
    model.addAttribute("overview", overview.overview());
    return "console/catalog";
  }
}

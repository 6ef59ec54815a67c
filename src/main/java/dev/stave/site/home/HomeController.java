package dev.stave.site.home;

import dev.stave.ingest.demo.DemoAudioProgress;
import dev.stave.site.SitePaths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /}: what this server is, its catalog at a glance, a search box, and the ways in — the
 * explorer, the playground, the API documentation of both dialects, the developer portal — and,
 * while a fresh server makes audio for its demo catalog, how far that has come.
 */
@Controller
public class HomeController {
  private final CatalogSummary summary;
  private final DemoAudioProgress demoAudio;

  public HomeController(CatalogSummary summary, DemoAudioProgress demoAudio) {
    this.summary = summary;
    this.demoAudio = demoAudio;
  }

  @GetMapping(SitePaths.HOME)
  public String home(Model model) {
    model.addAttribute("counts", summary.counts());
    // While serve makes audio for the demo catalog in the background (issue 13, item 6).
    model.addAttribute("demoAudio", demoAudio.snapshot());
    return "home";
  }
}

package dev.stave.site.explorer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /artists}, {@code /albums}, {@code /tracks}, {@code /playlists} without an id: there is no
 * list of a million of anything to show, so a visitor who trims a page's URL lands on the explorer
 * (search and browse) instead of a 404.
 */
@Controller
public class ListsRedirect {
  @GetMapping({"/artists", "/albums", "/tracks", "/playlists"})
  public String explore() {
    return "redirect:/search";
  }
}

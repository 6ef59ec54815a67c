package dev.stave.site.explorer.search;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search}: without a text, the catalog to browse (popular tracks and artists, new albums,
 * tags); with {@code q}, results by artist, album, track and playlist, each group paged by its own
 * parameter ({@code artists}, {@code albums}, {@code tracks}, {@code playlists}); with {@code tag},
 * the tracks and albums carrying it. {@code /search/suggest?q=} answers the suggestions of search
 * as you type, as an HTML fragment for the listbox under a search box.
 */
@Controller
public class SearchPageController {
  private final CatalogSearchPage results;
  private final BrowseLists browse;
  private final Suggestions suggestions;

  public SearchPageController(
      CatalogSearchPage results, BrowseLists browse, Suggestions suggestions) {
    this.results = results;
    this.browse = browse;
    this.suggestions = suggestions;
  }

  @GetMapping("/search")
  public String search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) Integer artists,
      @RequestParam(required = false) Integer albums,
      @RequestParam(required = false) Integer tracks,
      @RequestParam(required = false) Integer playlists,
      Model model) {
    Map<String, Integer> pages = new HashMap<>();
    put(pages, "artists", artists);
    put(pages, "albums", albums);
    put(pages, "tracks", tracks);
    put(pages, "playlists", playlists);
    SearchParams params = new SearchParams(q, tag, pages);
    model.addAttribute("params", params);
    if (params.browsing()) {
      model.addAttribute("browse", browse.browse());
    } else if (!params.q().isEmpty()) {
      model.addAttribute("results", results.text(params));
    } else {
      model.addAttribute("results", results.tag(params));
    }
    return "explorer/search";
  }

  private static void put(Map<String, Integer> pages, String param, Integer page) {
    if (page != null) {
      pages.put(param, page);
    }
  }

  @GetMapping("/search/suggest")
  public String suggest(@RequestParam(required = false) String q, Model model) {
    model.addAttribute("groups", suggestions.suggest(q));
    // The closing "Search for …" option only where suggestions are asked: not for one letter.
    model.addAttribute("q", Suggestions.worthSuggesting(q) ? q.strip() : "");
    return "explorer/suggest";
  }
}

package dev.stave.site.explorer.search;

import dev.stave.search.TrackQuery;
import dev.stave.site.PageBadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The parameters of a search page ({@code /search?q=…&artists=2&tracks=3}, or {@code ?tag=rock}),
 * checked once: the text at most {@value #MAX_TEXT} characters, every page number from 1 and no
 * deeper than the index pages ({@link TrackQuery#MAX_WINDOW}). Builds the URL of any other page of
 * the same search, so paging links keep everything else as it was.
 */
public record SearchParams(String q, String tag, Map<String, Integer> pages) {
  static final int MAX_TEXT = 200;

  public SearchParams {
    q = q == null ? "" : q.strip();
    tag = tag == null ? "" : tag.strip();
    if (q.length() > MAX_TEXT) {
      throw new PageBadRequestException(
          "“q” is too long: at most " + MAX_TEXT + " characters are searched.");
    }
    if (tag.length() > MAX_TEXT) {
      throw new PageBadRequestException("“tag” is too long: at most " + MAX_TEXT + " characters.");
    }
    pages = Map.copyOf(pages);
    pages.forEach(
        (param, page) -> {
          if (page < 1) {
            throw new PageBadRequestException(
                "“" + param + "” is a page number: 1 or more, not " + page + ".");
          }
        });
  }

  public boolean browsing() {
    return q.isEmpty() && tag.isEmpty();
  }

  /** The page asked for {@code param}, 1 when none. */
  public int page(String param) {
    return pages.getOrDefault(param, 1);
  }

  /** The offset of the page of {@code param}, refused when it lies beyond what the index pages. */
  int offset(String param, int pageSize) {
    long offset = (long) (page(param) - 1) * pageSize;
    if (offset + pageSize > TrackQuery.MAX_WINDOW) {
      throw new PageBadRequestException(
          "“"
              + param
              + "” goes too deep: results are paged up to the "
              + TrackQuery.MAX_WINDOW
              + "th; narrow the search instead.");
    }
    return (int) offset;
  }

  /** This search's URL with {@code param} on page {@code page}. */
  String href(String param, int page) {
    Map<String, Integer> next = new TreeMap<>(pages);
    next.put(param, page);
    StringJoiner query = new StringJoiner("&", "/search?", "").setEmptyValue("/search");
    if (!q.isEmpty()) {
      query.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    if (!tag.isEmpty()) {
      query.add("tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
    }
    next.forEach(
        (p, n) -> {
          if (n > 1) {
            query.add(p + "=" + n);
          }
        });
    return query.toString();
  }
}

package dev.stave.site.explorer.search;

import java.util.List;

/**
 * One kind of search result (artists, albums, tracks or playlists) on one page of its own: each
 * group pages separately, its page number in its own URL parameter ({@code ?q=…&tracks=3}), so
 * paging through tracks keeps the albums where they were and every page has a URL to share.
 *
 * @param param the URL parameter holding this group's page number
 * @param page the page shown, from 1
 * @param previousHref the URL of the previous page, null on the first
 * @param nextHref the URL of the next page, null on the last
 */
public record ResultGroup<T>(
    String param,
    List<T> items,
    long total,
    int page,
    int pageSize,
    String previousHref,
    String nextHref) {
  public ResultGroup {
    items = List.copyOf(items);
  }

  public static <T> ResultGroup<T> empty(String param, int pageSize) {
    return new ResultGroup<>(param, List.of(), 0, 1, pageSize, null, null);
  }

  /** How many pages the results fill (at least 1). */
  public long pages() {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }

  /** The position of the first item shown, from 1 (0 when there is none). */
  public long first() {
    return items.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
  }

  public long last() {
    return items.isEmpty() ? 0 : first() + items.size() - 1;
  }
}

package dev.stave.jamendo.api;

import dev.stave.search.EntityQuery;
import dev.stave.search.SearchResult;
import java.util.List;
import java.util.Map;

/**
 * {@code offset}, {@code limit} and {@code fullcount} of a list request over top-level albums or
 * artists (spec §5.2, §5.3: they page the top-level entities, never the nested ones).
 */
public record ListPaging(JamendoParams.Paging paging, boolean fullcount) {
  public static ListPaging of(JamendoParams p) {
    return new ListPaging(p.paging(), p.fullcount());
  }

  /** {@code q} restricted to the requested page. */
  public EntityQuery page(EntityQuery.Builder q) {
    return q.page((int) paging.offset(), paging.limit()).build();
  }

  /** The page's items, with the total of {@code r} when {@code fullcount} was asked. */
  public JamendoMethod.Result result(List<Map<String, Object>> items, SearchResult r) {
    return JamendoMethod.Result.of(items, fullcount ? r.total() : null);
  }

  /** No results, for filters that can match nothing. */
  public JamendoMethod.Result none() {
    return JamendoMethod.Result.of(List.of(), fullcount ? 0L : null);
  }
}

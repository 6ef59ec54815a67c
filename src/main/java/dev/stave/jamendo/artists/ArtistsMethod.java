package dev.stave.jamendo.artists;

import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.SearchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/artists} (spec §8.5) from the search index; {@code datebetween} is the join
 * date; the popularity orders use the artist's popularity figure and are always descending.
 */
@Component
public class ArtistsMethod implements JamendoMethod {
  private static final Map<String, EntitySort> ORDER_FIELDS =
      Map.of(
          "name", EntitySort.NAME,
          "id", EntitySort.ID,
          "joindate", EntitySort.RELEASE_DATE,
          "popularity_total", EntitySort.POPULARITY,
          "popularity_month", EntitySort.POPULARITY,
          "popularity_week", EntitySort.POPULARITY);

  private final CatalogSearch search;
  private final CatalogStore store;
  private final JamendoLinks links;

  public ArtistsMethod(CatalogSearch search, CatalogStore store, JamendoLinks links) {
    this.search = search;
    this.store = store;
    this.links = links;
  }

  @Override
  public String path() {
    return "artists";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon(
        "id", "name", "namesearch", "hasimage", "datebetween", "imagesize");
  }

  @Override
  public String itemName() {
    return "artist";
  }

  @Override
  public Result execute(JamendoParams p) {
    JamendoParams.Paging paging = p.paging();
    boolean fullcount = p.bool("fullcount").orElse(false);
    String size = p.oneOf("imagesize", EntityParams.COVER_SIZES).orElse("300");
    EntityQuery.Builder q = EntityQuery.builder();
    EntityParams.idsAndNames(p, q);
    EntityParams.dateRange(p, q);
    p.bool("hasimage")
        .ifPresent(
            h -> {
              if (h) {
                q.hasImage(true);
              }
            });
    EntityParams.sortBy(p, ORDER_FIELDS, q);
    SearchResult r = search.artists(q.page((int) paging.offset(), paging.limit()).build());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Artist a : store.findArtists(r.ids())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", String.valueOf(a.id()));
      m.put("name", a.name());
      m.put("website", a.website() == null ? "" : a.website());
      m.put("joindate", a.joinDate() == null ? "" : a.joinDate().toString());
      m.put("image", links.image("artist", a.id(), a.image(), size));
      m.put("shorturl", links.shortArtist(a.id()));
      m.put("shareurl", links.share("artist", a.id()));
      out.add(m);
    }
    return Result.of(out, fullcount ? r.total() : null);
  }
}

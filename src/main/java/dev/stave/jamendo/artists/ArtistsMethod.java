package dev.stave.jamendo.artists;

import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.ListPaging;
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
  /** The {@code order} fields of artists (spec §8.5), also accepted by every artists/* method. */
  public static final Map<String, EntitySort> ORDER_FIELDS =
      Map.of(
          "name", EntitySort.NAME,
          "id", EntitySort.ID,
          "joindate", EntitySort.RELEASE_DATE,
          "popularity_total", EntitySort.POPULARITY,
          "popularity_month", EntitySort.POPULARITY,
          "popularity_week", EntitySort.POPULARITY);

  private final CatalogSearch search;
  private final EntityCache entities;
  private final JamendoLinks links;

  public ArtistsMethod(CatalogSearch search, EntityCache entities, JamendoLinks links) {
    this.search = search;
    this.entities = entities;
    this.links = links;
  }

  @Override
  public String path() {
    return "artists";
  }

  /** The parameters of {@code artists}, inherited by every artists/* method (spec §5.1). */
  public static final List<String> PARAMETERS =
      List.of("id", "name", "namesearch", "hasimage", "datebetween", "imagesize");

  /** The parameters of an artists/* method: the common ones, those of artists and its own. */
  public static Set<String> parametersWith(String... own) {
    List<String> all = new ArrayList<>(PARAMETERS);
    all.addAll(List.of(own));
    return JamendoMethod.withCommon(all.toArray(String[]::new));
  }

  @Override
  public Set<String> parameters() {
    return parametersWith();
  }

  @Override
  public String itemName() {
    return "artist";
  }

  @Override
  public Result execute(JamendoParams p) {
    ListPaging paging = ListPaging.of(p);
    String size = EntityParams.imageSize(p);
    EntityQuery.Builder q = filters(p);
    EntityParams.sortBy(p, ORDER_FIELDS, q);
    SearchResult r = search.artists(paging.page(q));
    return paging.result(new ArrayList<>(render(r.ids(), size).values()), r);
  }

  /** The artists filters of the request: ids, names, join date, {@code hasimage}. */
  public static EntityQuery.Builder filters(JamendoParams p) {
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
    return q;
  }

  /**
   * The artists of {@code ids}, in that order, as {@code artists} writes them, each with the {@link
   * Artist} it was made from (for the nested lists of the artists/* methods).
   */
  public Map<Artist, Map<String, Object>> render(List<Long> ids, String size) {
    Map<Artist, Map<String, Object>> out = new LinkedHashMap<>();
    for (Artist a : entities.artists(ids)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", String.valueOf(a.id()));
      m.put("name", a.name());
      m.put("website", a.website() == null ? "" : a.website());
      m.put("joindate", a.joinDate() == null ? "" : a.joinDate().toString());
      m.put("image", links.image("artist", a.id(), a.image(), size));
      m.put("shorturl", links.shortArtist(a.id()));
      m.put("shareurl", links.share("artist", a.id()));
      out.put(a, m);
    }
    return out;
  }
}

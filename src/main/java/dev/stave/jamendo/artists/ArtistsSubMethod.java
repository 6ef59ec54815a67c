package dev.stave.jamendo.artists;

import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.ListPaging;
import dev.stave.jamendo.api.SubEntityBudget;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the artists/* methods share (spec §5.1, §5.3): every {@code artists} parameter and order,
 * paging and {@code fullcount} over the artists, and one sub-entity budget per response for the
 * nested lists a subclass adds to each artist of the page.
 */
abstract class ArtistsSubMethod implements JamendoMethod {
  protected final ArtistsMethod artists;
  protected final CatalogSearch search;
  protected final CatalogStore store;

  /** Tracks and albums of the nested lists, read as every page renders them (issue 15). */
  protected final EntityCache entities;

  protected final JamendoLinks links;

  ArtistsSubMethod(
      ArtistsMethod artists,
      CatalogSearch search,
      CatalogStore store,
      EntityCache entities,
      JamendoLinks links) {
    this.artists = artists;
    this.search = search;
    this.store = store;
    this.entities = entities;
    this.links = links;
  }

  /** What a subclass adds to each artist of a page, given the request's parameters. */
  @FunctionalInterface
  interface Nested {
    /** Adds the nested members to {@code rendered} (the artist maps of one page, in order). */
    void attach(Map<Artist, Map<String, Object>> rendered, SubEntityBudget budget);
  }

  /** The method's own parameters, beside those of {@code artists}. */
  abstract List<String> ownParameters();

  /** Order fields of the nested list ({@code track_name}…), beside the artists' ones; none. */
  Map<String, ?> nestedOrders() {
    return Map.of();
  }

  /**
   * Reads the method's own parameters: may restrict {@code artistQuery} (e.g. to artists that have
   * a matching track), and returns what to nest, or empty when no artist can match.
   */
  abstract Optional<Nested> prepare(
      JamendoParams p, EntityQuery.Builder artistQuery, List<String> orders);

  /** Whether the artist objects keep {@code shorturl}/{@code shareurl} (not in every sample). */
  boolean shareUrls() {
    return true;
  }

  @Override
  public Set<String> parameters() {
    return ArtistsMethod.parametersWith(ownParameters().toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "artist";
  }

  @Override
  public Result execute(JamendoParams p) {
    ListPaging paging = ListPaging.of(p);
    String size = EntityParams.imageSize(p);
    List<String> orders = EntityParams.orders(p, ArtistsMethod.ORDER_FIELDS, nestedOrders());
    EntityQuery.Builder q = ArtistsMethod.filters(p);
    Optional<Nested> nested = prepare(p, q, orders);
    if (nested.isEmpty()) {
      return paging.none();
    }
    EntityParams.sortBy(orders, ArtistsMethod.ORDER_FIELDS, q);
    SearchResult r = search.artists(paging.page(q));
    Map<Artist, Map<String, Object>> page = artists.render(r.ids(), size);
    if (!shareUrls()) {
      page.values()
          .forEach(
              m -> {
                m.remove("shorturl");
                m.remove("shareurl");
              });
    }
    nested.get().attach(page, new SubEntityBudget());
    return paging.result(new ArrayList<>(page.values()), r);
  }

  /**
   * The album conditions of {@code album_id}, {@code album_name} (exact, case and accents ignored)
   * and {@code album_datebetween}; empty when none of them is given.
   */
  static Optional<EntityQuery.Builder> albumFilters(JamendoParams p) {
    List<Long> ids = p.integers("album_id");
    Optional<NameMatch> name = p.nameMatch("album_name", NameMatch::exact);
    Optional<LocalDate[]> dates = p.dateRange("album_datebetween");
    if (ids.isEmpty() && name.isEmpty() && dates.isEmpty()) {
      return Optional.empty();
    }
    EntityQuery.Builder q = EntityQuery.builder();
    if (!ids.isEmpty()) {
      q.ids(ids);
    }
    name.ifPresent(q::name);
    dates.ifPresent(r -> q.dated(EntityParams.open(r[0]), EntityParams.open(r[1])));
    return Optional.of(q);
  }

  /** Ids of the artists of a page, in order. */
  static List<Long> ids(Map<Artist, Map<String, Object>> page) {
    return page.keySet().stream().map(Artist::id).toList();
  }
}

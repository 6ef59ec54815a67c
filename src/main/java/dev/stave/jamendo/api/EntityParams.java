package dev.stave.jamendo.api;

import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Parameters that albums, artists and tracks read the same way. */
public final class EntityParams {
  private EntityParams() {}

  /** The image sizes of album and track covers (spec §6.1). */
  public static final List<String> COVER_SIZES =
      List.of(
          "25", "35", "50", "55", "60", "65", "70", "75", "85", "100", "130", "150", "200", "300",
          "400", "500", "600");

  /** Languages Jamendo always lists in a description map (spec §7.2). */
  private static final List<String> DESCRIPTION_LANGS =
      List.of("en", "fr", "es", "de", "pl", "it", "ru", "pt", "ja");

  /**
   * The {@code musicinfo} of albums/musicinfo and artists/musicinfo (spec §7.2–7.3): a flat tag
   * list and an HTML description per language, every usual language present ({@code ""} if none).
   */
  public static Map<String, Object> musicinfo(List<String> tags, Map<String, String> descriptions) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("tags", tags);
    Map<String, String> description = new LinkedHashMap<>();
    DESCRIPTION_LANGS.forEach(l -> description.put(l, descriptions.getOrDefault(l, "")));
    description.putAll(descriptions);
    info.put("description", description);
    return info;
  }

  /** The cover size asked with {@code imagesize} (spec §6.1; default 300). */
  public static String imageSize(JamendoParams p) {
    return p.oneOf("imagesize", COVER_SIZES).orElse("300");
  }

  /** {@code id}, exact {@code name} and substring {@code namesearch}. */
  public static void idsAndNames(JamendoParams p, EntityQuery.Builder q) {
    List<Long> ids = p.integers("id");
    if (!ids.isEmpty()) {
      q.ids(ids);
    }
    p.nameMatch("name", NameMatch::exact).ifPresent(q::name);
    p.nameMatch("namesearch", NameMatch::substring).ifPresent(q::name);
  }

  /** {@code datebetween} with {@code 0000-00-00} as an open bound. */
  public static void dateRange(JamendoParams p, EntityQuery.Builder q) {
    p.dateRange("datebetween").ifPresent(r -> q.dated(open(r[0]), open(r[1])));
  }

  public static LocalDate open(LocalDate d) {
    return d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX) ? null : d;
  }

  /**
   * Ids of the albums or artists ({@code finder}: {@code search::albums} or {@code
   * search::artists}) named exactly {@code name} (case and accents ignored), intersected with
   * {@code ids} when those are given; empty when none is left.
   */
  public static List<Long> idsNamed(
      Function<EntityQuery, SearchResult> finder, NameMatch name, List<Long> ids) {
    List<Long> named = finder.apply(EntityQuery.builder().name(name).page(0, 1_000).build()).ids();
    if (ids.isEmpty()) {
      return named;
    }
    Set<Long> keep = new HashSet<>(named);
    return ids.stream().filter(keep::contains).toList();
  }

  /**
   * Applies {@code order}: each value's field mapped through {@code fields}, descending when asked
   * and always for the popularity ratings (spec §5.2).
   */
  public static void sortBy(
      JamendoParams p, Map<String, EntitySort> fields, EntityQuery.Builder q) {
    sortBy(
        p.manyOf("order", JamendoOrder.values(fields.keySet().toArray(String[]::new))), fields, q);
  }

  /**
   * Applies those of the already validated {@code orders} whose field is in {@code fields} (the
   * others belong to a nested list), descending when asked and always for popularity ratings.
   */
  public static void sortBy(
      List<String> orders, Map<String, EntitySort> fields, EntityQuery.Builder q) {
    applyOrders(orders, fields, q::sortBy);
  }

  /**
   * Hands {@code sortBy} each of the validated {@code orders} whose field is in {@code fields},
   * with its direction (descending when asked, always for popularity ratings); whether any was.
   */
  public static <S> boolean applyOrders(
      List<String> orders, Map<String, S> fields, BiConsumer<S, Boolean> sortBy) {
    boolean any = false;
    for (String o : orders) {
      String field = JamendoOrder.field(o);
      S sort = fields.get(field);
      if (sort != null) {
        sortBy.accept(sort, field.startsWith("popularity") || o.endsWith("_desc"));
        any = true;
      }
    }
    return any;
  }

  /** Every {@code order} value of a method whose top-level and nested order fields are given. */
  public static List<String> orders(
      JamendoParams p, Map<String, ?> topFields, Map<String, ?> nestedFields) {
    List<String> fields = new ArrayList<>(topFields.keySet());
    fields.addAll(nestedFields.keySet());
    return p.manyOf("order", JamendoOrder.values(fields.toArray(String[]::new)));
  }

  /**
   * Restricts {@code q} to {@code allowed} ids, intersected with the request's own {@code id}
   * values when it has some; false when nothing is left, so the query can match nothing.
   */
  public static boolean restrictIds(JamendoParams p, EntityQuery.Builder q, Set<Long> allowed) {
    List<Long> asked = p.integers("id");
    List<Long> ids =
        asked.isEmpty() ? List.copyOf(allowed) : asked.stream().filter(allowed::contains).toList();
    if (ids.isEmpty()) {
      return false;
    }
    q.ids(ids);
    return true;
  }

  /**
   * The entities of each group read from the store in one batch ({@code finder}, e.g. {@code
   * store::findTracks}), each group keeping its order; ids the store no longer has are left out.
   */
  public static <T> Map<Long, List<T>> hydrate(
      Map<Long, List<Long>> groups,
      Function<Collection<Long>, List<T>> finder,
      Function<T, Long> id) {
    Set<Long> all = new LinkedHashSet<>();
    groups.values().forEach(all::addAll);
    Map<Long, T> found = new HashMap<>();
    for (T t : finder.apply(all)) {
      found.put(id.apply(t), t);
    }
    Map<Long, List<T>> out = new LinkedHashMap<>();
    groups.forEach(
        (parent, ids) ->
            out.put(parent, ids.stream().map(found::get).filter(Objects::nonNull).toList()));
    return out;
  }

  /**
   * Puts each top-level entity's nested list under {@code key}, through the response's one
   * sub-entity budget (spec §5.3): entities are served in order, later ones get fewer items, or
   * none, once it is spent.
   */
  public static void nest(
      List<Map<String, Object>> parents,
      String key,
      Map<Long, List<Map<String, Object>>> children,
      SubEntityBudget budget) {
    for (Map<String, Object> m : parents) {
      long id = Long.parseLong((String) m.get("id"));
      m.put(key, budget.take(children.getOrDefault(id, List.of())));
    }
  }
}

package dev.stave.jamendo.api;

import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Parameters that albums, artists and tracks read the same way. */
public final class EntityParams {
  private EntityParams() {}

  /** The image sizes of album and track covers (spec §6.1). */
  public static final List<String> COVER_SIZES =
      List.of(
          "25", "35", "50", "55", "60", "65", "70", "75", "85", "100", "130", "150", "200", "300",
          "400", "500", "600");

  /** {@code id}, exact {@code name} and substring {@code namesearch}. */
  public static void idsAndNames(JamendoParams p, EntityQuery.Builder q) {
    List<Long> ids = p.integers("id");
    if (!ids.isEmpty()) {
      q.ids(ids);
    }
    p.string("name").ifPresent(n -> q.name(NameMatch.exact(n)));
    p.string("namesearch").ifPresent(n -> q.name(NameMatch.substring(n)));
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
      Function<EntityQuery, SearchResult> finder, String name, List<Long> ids) {
    List<Long> named =
        finder
            .apply(EntityQuery.builder().name(NameMatch.exact(name)).page(0, 1_000).build())
            .ids();
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
    List<String> allowed = JamendoOrder.values(fields.keySet().toArray(String[]::new));
    for (String o : p.manyOf("order", allowed)) {
      String field = JamendoOrder.field(o);
      q.sortBy(fields.get(field), field.startsWith("popularity") || o.endsWith("_desc"));
    }
  }
}

package dev.stave.jamendo.api;

import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.NameMatch;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
   * Ids of the artists named exactly {@code name} (case and accents ignored), intersected with
   * {@code ids} when those are given; empty when none is left.
   */
  public static List<Long> artistIdsNamed(CatalogSearch search, String name, List<Long> ids) {
    List<Long> named =
        search
            .artists(EntityQuery.builder().name(NameMatch.exact(name)).page(0, 1_000).build())
            .ids();
    if (ids.isEmpty()) {
      return named;
    }
    Set<Long> keep = new HashSet<>(named);
    return ids.stream().filter(keep::contains).toList();
  }
}

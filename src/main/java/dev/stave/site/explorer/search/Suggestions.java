package dev.stave.site.explorer.search;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.search.CatalogSearch;
import dev.stave.search.Completion;
import dev.stave.search.NameMatch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Search as you type: the names of artists, albums and tracks, and the tags, that start with what
 * was typed, read from the same autocomplete index as Jamendo's {@code autocomplete} (the term
 * dictionary, {@link CatalogSearch#completeNames}), so a suggestion costs a few term lookups at a
 * million tracks. A name that one entity carries opens that entity's page; a name several carry
 * opens the search for it; a tag opens the tag's page.
 */
@Component
public class Suggestions {
  /** Fewer characters suggest too much to be useful (as Jamendo's autocomplete requires). */
  static final int MIN_PREFIX = 2;

  static final int PER_KIND = 4;

  private final CatalogSearch search;
  private final EntityCache entities;

  public Suggestions(CatalogSearch search, EntityCache entities) {
    this.search = search;
    this.entities = entities;
  }

  /** One suggestion: the name as the catalog spells it, where it leads, and a detail. */
  public record Suggestion(String text, String href, String detail) {}

  /** The suggestions of one kind ("Artists"), in name order. */
  public record Group(String kind, List<Suggestion> suggestions) {}

  /** Whether {@code prefix} is long enough to suggest anything, and short enough to search. */
  public static boolean worthSuggesting(String prefix) {
    String p = prefix == null ? "" : prefix.strip();
    return p.codePointCount(0, p.length()) >= MIN_PREFIX
        && p.length() <= SearchParams.MAX_TEXT
        && NameMatch.comparable(p);
  }

  /** The groups that have suggestions for {@code prefix}; none for a prefix too short. */
  public List<Group> suggest(String prefix) {
    if (!worthSuggesting(prefix)) {
      return List.of();
    }
    String p = prefix.strip();
    List<Group> groups = new ArrayList<>();
    add(
        groups,
        "Artists",
        named(
            search.completeNames("artist", p, PER_KIND),
            entities::artists,
            Artist::id,
            Artist::name,
            "/artists/",
            "artists"));
    add(
        groups,
        "Albums",
        named(
            search.completeNames("album", p, PER_KIND),
            entities::albums,
            Album::id,
            Album::name,
            "/albums/",
            "albums"));
    add(
        groups,
        "Tracks",
        named(
            search.completeNames("track", p, PER_KIND),
            entities::tracks,
            Track::id,
            Track::name,
            "/tracks/",
            "tracks"));
    add(
        groups,
        "Tags",
        search.completeTags(p, PER_KIND).stream()
            .map(
                c ->
                    new Suggestion(
                        c.match(), "/search?tag=" + encode(c.match()), c.count() + " tracks"))
            .toList());
    return groups;
  }

  private static void add(List<Group> groups, String kind, List<Suggestion> suggestions) {
    if (!suggestions.isEmpty()) {
      groups.add(new Group(kind, suggestions));
    }
  }

  /**
   * Suggestions for completed names, each spelled as the catalog spells it (the index holds a
   * folded key) by reading the entity with the lowest id of that name, one query for all.
   */
  private static <T> List<Suggestion> named(
      List<Completion> completions,
      Function<List<Long>, List<T>> load,
      Function<T, Long> id,
      Function<T, String> name,
      String page,
      String plural) {
    Map<Long, String> names =
        load.apply(completions.stream().map(Completion::id).toList()).stream()
            .collect(Collectors.toMap(id, name, (a, b) -> a));
    return completions.stream()
        .map(
            c -> {
              String spelled = names.getOrDefault(c.id(), c.match());
              return c.count() == 1
                  ? new Suggestion(spelled, page + c.id(), "")
                  : new Suggestion(
                      spelled, "/search?q=" + encode(spelled), c.count() + " " + plural);
            })
        .toList();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

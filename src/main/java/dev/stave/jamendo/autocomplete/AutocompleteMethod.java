package dev.stave.jamendo.autocomplete;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.search.CatalogSearch;
import dev.stave.search.Completion;
import dev.stave.search.NameMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/autocomplete} (spec §8.10): names of artists, albums and tracks, and track tags,
 * that start with {@code prefix} (at least two characters; case and accents ignored), at most
 * {@code limit} per entity, in name order. {@code results} is an object keyed by entity holding
 * only the entities that matched, or {@code []} when nothing did. With {@code matchcount=1} each
 * match is {@code {"match":…,"count":…}} (tracks, albums or artists of that name; tracks carrying
 * the tag), otherwise a bare string.
 */
@Component
public class AutocompleteMethod implements JamendoMethod {
  private static final List<String> ENTITIES = List.of("artists", "albums", "tracks", "tags");

  private final CatalogSearch search;
  private final EntityCache entities;

  public AutocompleteMethod(CatalogSearch search, EntityCache entities) {
    this.search = search;
    this.entities = entities;
  }

  @Override
  public String path() {
    return "autocomplete";
  }

  @Override
  public Set<String> parameters() {
    return Set.of(
        "client_id", "format", "callback", "fullcount", "limit", "prefix", "entity", "matchcount");
  }

  @Override
  public String itemName() {
    return "match";
  }

  @Override
  public Result execute(JamendoParams p) {
    String prefix = p.required("prefix");
    if (prefix.codePointCount(0, prefix.length()) < 2) {
      throw JamendoException.type("prefix", "needs at least 2 characters");
    }
    p.nameMatch("prefix", NameMatch::prefix); // a prefix of accents alone is a type error
    int limit = p.paging().limit();
    boolean matchcount = p.bool("matchcount").orElse(false);
    List<String> entities = p.manyOf("entity", ENTITIES);
    Map<String, Object> results = new LinkedHashMap<>();
    for (String entity : entities.isEmpty() ? ENTITIES : entities.stream().distinct().toList()) {
      List<Completion> matches = complete(entity, prefix, limit);
      if (!matches.isEmpty()) {
        results.put(entity, matches.stream().map(c -> render(c, matchcount)).toList());
      }
    }
    return new Result(results.isEmpty() ? List.of() : results, null);
  }

  private static Object render(Completion c, boolean matchcount) {
    if (!matchcount) {
      return c.match();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("match", c.match());
    m.put("count", c.count());
    return m;
  }

  /** Completions with each name spelled as the catalog spells it (the index holds a folded key). */
  private List<Completion> complete(String entity, String prefix, int limit) {
    return switch (entity) {
      case "tags" -> search.completeTags(prefix, limit);
      case "tracks" ->
          spelled(
              search.completeNames("track", prefix, limit),
              entities::tracks,
              Track::id,
              Track::name);
      case "albums" ->
          spelled(
              search.completeNames("album", prefix, limit),
              entities::albums,
              Album::id,
              Album::name);
      default ->
          spelled(
              search.completeNames("artist", prefix, limit),
              entities::artists,
              Artist::id,
              Artist::name);
    };
  }

  private static <T> List<Completion> spelled(
      List<Completion> completions,
      Function<List<Long>, List<T>> load,
      Function<T, Long> id,
      Function<T, String> name) {
    Map<Long, String> names =
        load.apply(completions.stream().map(Completion::id).toList()).stream()
            .collect(Collectors.toMap(id, name, (a, b) -> a));
    List<Completion> out = new ArrayList<>();
    for (Completion c : completions) {
      out.add(new Completion(names.getOrDefault(c.id(), c.match()), c.count(), c.id()));
    }
    return out;
  }
}

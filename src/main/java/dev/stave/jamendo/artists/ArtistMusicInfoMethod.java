package dev.stave.jamendo.artists;

import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.TrackQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/artists/musicinfo} (spec §8.9): every {@code artists} parameter plus {@code tag}
 * (one tag); each artist with {@code musicinfo{tags, description}} like albums/musicinfo.
 *
 * <p>Where the spec is silent: an artist's tags are those of its music (the tracks it plays on and
 * the albums it is the primary artist of), each once, the most frequent first; {@code tag} keeps
 * the artists with a track or an album carrying that tag. As for albums/musicinfo, results follow
 * {@code order} (id by default) rather than a tag relevance.
 */
@Component
public class ArtistMusicInfoMethod extends ArtistsSubMethod {
  public ArtistMusicInfoMethod(
      ArtistsMethod artists,
      CatalogSearch search,
      CatalogStore store,
      EntityCache entities,
      JamendoLinks links) {
    super(artists, search, store, entities, links);
  }

  @Override
  public String path() {
    return "artists/musicinfo";
  }

  @Override
  List<String> ownParameters() {
    return List.of("tag");
  }

  @Override
  Optional<Nested> prepare(JamendoParams p, EntityQuery.Builder artistQuery, List<String> orders) {
    Optional<String> tag = p.string("tag");
    if (tag.isPresent()) {
      Set<Long> tagged =
          new HashSet<>(
              search.parentsOfTracks(
                  TrackQuery.builder().tags(List.of(tag.get())).build(),
                  CatalogSearch.Parent.ARTIST));
      tagged.addAll(search.artistsOfAlbums(EntityQuery.builder().tags(List.of(tag.get())).build()));
      if (!EntityParams.restrictIds(p, artistQuery, tagged)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        (page, budget) -> {
          Map<Long, List<String>> tags = store.tagsOfArtists(ids(page));
          page.forEach(
              (Artist a, Map<String, Object> m) ->
                  m.put(
                      "musicinfo",
                      EntityParams.musicinfo(
                          tags.getOrDefault(a.id(), List.of()), a.descriptions())));
        });
  }
}

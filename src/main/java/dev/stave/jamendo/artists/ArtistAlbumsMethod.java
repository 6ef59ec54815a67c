package dev.stave.jamendo.artists;

import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/artists/albums} (spec §8.7): every {@code artists} parameter, plus {@code
 * album_id}, {@code album_name}, {@code album_datebetween} and the album orders; each artist with
 * its {@code albums[]} ({@code id, name, releasedate, image}).
 *
 * <p>Where the spec is silent: an album filter also selects the artists (only artists with a
 * matching album are listed); albums are those the artist appears on (as primary or other artist),
 * by release date, then id, unless an album order is given.
 */
@Component
public class ArtistAlbumsMethod extends ArtistsSubMethod {
  private static final Map<String, EntitySort> ALBUM_ORDERS =
      Map.of(
          "album_name", EntitySort.NAME,
          "album_id", EntitySort.ID,
          "album_releasedate", EntitySort.RELEASE_DATE);

  public ArtistAlbumsMethod(
      ArtistsMethod artists,
      CatalogSearch search,
      CatalogStore store,
      EntityCache entities,
      JamendoLinks links) {
    super(artists, search, store, entities, links);
  }

  @Override
  public String path() {
    return "artists/albums";
  }

  @Override
  List<String> ownParameters() {
    return List.of("album_id", "album_name", "album_datebetween");
  }

  @Override
  Map<String, ?> nestedOrders() {
    return ALBUM_ORDERS;
  }

  @Override
  boolean shareUrls() {
    return false;
  }

  @Override
  Optional<Nested> prepare(JamendoParams p, EntityQuery.Builder artistQuery, List<String> orders) {
    String size = EntityParams.imageSize(p);
    Optional<EntityQuery.Builder> filtered = albumFilters(p);
    if (filtered.isPresent()
        && !EntityParams.restrictIds(
            p, artistQuery, search.artistsOfAlbums(filtered.get().build()))) {
      return Optional.empty();
    }
    EntityQuery.Builder albums = filtered.orElseGet(EntityQuery::builder);
    if (!EntityParams.applyOrders(orders, ALBUM_ORDERS, albums::sortBy)) {
      albums.sortBy(EntitySort.RELEASE_DATE, false);
    }
    EntityQuery query = albums.build();
    return Optional.of(
        (page, budget) -> {
          Map<Long, List<Album>> nested =
              EntityParams.hydrate(
                  search.albumsByArtist(query, ids(page), budget.remaining()),
                  entities::albums,
                  Album::id);
          Map<Long, List<Map<String, Object>>> children = new LinkedHashMap<>();
          nested.forEach(
              (artist, list) -> {
                List<Map<String, Object>> rendered = new ArrayList<>();
                for (Album a : list) {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", String.valueOf(a.id()));
                  m.put("name", a.name());
                  m.put(
                      "releasedate",
                      a.releaseDate() == null ? "" : a.releaseDate().date().toString());
                  m.put("image", links.image("album", a.id(), a.image(), size));
                  rendered.add(m);
                }
                children.put(artist, rendered);
              });
          EntityParams.nest(new ArrayList<>(page.values()), "albums", children, budget);
        });
  }
}

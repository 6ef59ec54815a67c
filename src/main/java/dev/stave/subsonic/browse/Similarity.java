package dev.stave.subsonic.browse;

import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.recommend.RecommendationRequest;
import dev.stave.recommend.Recommender;
import dev.stave.search.CatalogSearch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Similar songs and artists for the Subsonic methods that ask for them ({@code getSimilarSongs[2]},
 * {@code getArtistInfo[2]}), from Stave's recommendation engine (the same one behind Jamendo's
 * {@code tracks/similar} and ReccoBeats' recommendations), seeded with the artist's or song's
 * tracks. No external service (Last.fm) is asked.
 */
@Component
public class Similarity {
  private final Recommender recommender;
  private final CatalogSearch search;
  private final EntityCache entities;

  public Similarity(Recommender recommender, CatalogSearch search, EntityCache entities) {
    this.recommender = recommender;
    this.search = search;
    this.entities = entities;
  }

  /** Up to {@code count} tracks like {@code seeds}, leaving out the artists in {@code exclude}. */
  public List<Track> similarTracks(List<Long> seeds, Set<Long> excludeArtists, int count) {
    if (seeds.isEmpty() || count == 0) {
      return List.of();
    }
    RecommendationRequest req =
        RecommendationRequest.builder()
            .seeds(seeds.stream().limit(RecommendationRequest.MAX_SEEDS).toList())
            .excludeArtists(excludeArtists)
            .size(Math.min(count, RecommendationRequest.MAX_SIZE))
            .build();
    return entities.tracks(recommender.recommend(req).trackIds());
  }

  /** The tracks most like the artist's best-known ones, by other artists. */
  public List<Track> similarToArtist(long artistId, int count) {
    List<Long> seeds =
        search
            .tracks(BrowseMethods.topTracksOf(Set.of(artistId), 0, RecommendationRequest.MAX_SEEDS))
            .ids();
    return similarTracks(seeds, Set.of(artistId), count);
  }

  /** Up to {@code count} other artists whose tracks are most like the artist's. */
  public List<Artist> similarArtists(long artistId, int count) {
    List<Track> tracks =
        similarToArtist(artistId, Math.min(count * 5, RecommendationRequest.MAX_SIZE));
    Set<Long> artists = new LinkedHashSet<>();
    for (Track t : tracks) {
      if (artists.size() >= count) {
        break;
      }
      if (t.primaryArtistId() != artistId) {
        artists.add(t.primaryArtistId());
      }
    }
    return entities.artists(new ArrayList<>(artists));
  }
}

package dev.stave.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.search.FeatureVector;
import dev.stave.search.NeighbourSearch;
import dev.stave.search.SearchIndex;
import dev.stave.testsupport.RealData;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on the 8,124 real Spotify feature rows (features only: no tags, no musicinfo). */
class RecommenderRealDataTest {
  @TempDir Path dir;

  @Test
  void recommendationsAreFeatureNeighboursAndFollowTargets() {
    List<RealData.SpotifyRow> rows = RealData.spotifyRows(RealData.require(RealData.SPOTIFY_8K));
    try (TestStore db = TestStores.sqlite(dir)) {
      db.store().write(RealData.spotifyCatalog(rows));
      SearchIndex index = new SearchIndex(db.store(), db.properties(), false);
      index.open();
      try {
        Recommender recommender =
            new Recommender(new EntityCache(db.store()), new NeighbourSearch(index));
        Map<Long, Track> tracks =
            db
                .store()
                .findTracks(
                    java.util.stream.LongStream.rangeClosed(1, rows.size()).boxed().toList())
                .stream()
                .collect(Collectors.toMap(Track::id, Function.identity()));
        Random random = new Random(3);
        double recommended = 0;
        double baseline = 0;
        int seeds = 40;
        for (int i = 0; i < seeds; i++) {
          long seed = 1 + random.nextInt(rows.size());
          float[] at = FeatureVector.of(tracks.get(seed).features());
          Recommendations r =
              recommender.recommend(RecommendationRequest.builder().seeds(seed).size(10).build());
          assertThat(r.items()).hasSize(10);
          assertThat(r.trackIds()).doesNotContain(seed);
          recommended += meanDistance(r.trackIds(), tracks, at);
          baseline +=
              meanDistance(
                  random.ints(10, 1, rows.size() + 1).mapToObj(x -> (long) x).toList(), tracks, at);
        }
        // Neighbours are several times closer to their seed than random tracks are
        assertThat(recommended / seeds).isLessThan(0.3 * baseline / seeds);

        // Quiet seeds, loud target: the more weight, the louder the list
        List<Long> quiet =
            tracks.values().stream()
                .filter(t -> t.features().energy() != null && t.features().energy() < 0.3)
                .map(Track::id)
                .sorted()
                .limit(3)
                .toList();
        AudioFeatures loud =
            new AudioFeatures(null, null, 0.95, null, null, null, null, null, null, null, null);
        RecommendationRequest.Builder b = RecommendationRequest.builder().seeds(quiet).size(20);
        double plain = meanEnergy(recommender.recommend(b.build()), tracks);
        double steered =
            meanEnergy(recommender.recommend(b.targets(loud).featureWeight(5).build()), tracks);
        assertThat(steered).isGreaterThan(plain + 0.2);
      } finally {
        index.close();
      }
    }
  }

  private static double meanDistance(List<Long> ids, Map<Long, Track> tracks, float[] to) {
    double sum = 0;
    for (long id : ids) {
      float[] v = FeatureVector.of(tracks.get(id).features());
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        s += (v[i] - to[i]) * (v[i] - to[i]);
      }
      sum += Math.sqrt(s);
    }
    return sum / ids.size();
  }

  private static double meanEnergy(Recommendations r, Map<Long, Track> tracks) {
    return r.trackIds().stream()
        .mapToDouble(id -> tracks.get(id).features().energy())
        .average()
        .orElseThrow();
  }
}

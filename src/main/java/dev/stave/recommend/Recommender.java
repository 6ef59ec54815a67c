package dev.stave.recommend;

import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.search.Facet;
import dev.stave.search.FeatureVector;
import dev.stave.search.Neighbour;
import dev.stave.search.NeighbourQuery;
import dev.stave.search.NeighbourSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Ranks catalog tracks against a {@link RecommendationRequest}. Steps (docs/recommendation.md has
 * the reasoning and the measurements):
 *
 * <ol>
 *   <li><b>Profiles.</b> The seeds' audio-feature profile is the mean of their normalised feature
 *       vectors ({@link FeatureVector}), per feature over the seeds that have it; each targeted
 *       feature is blended in as {@code (mean + w·target) / (1 + w)}; then the profile is pushed
 *       away from the negative seeds' mean by {@value #PUSH} of their difference. The facet profile
 *       weighs every tag and musicinfo value of the seeds by the share of seeds carrying it, its
 *       rarity ({@code ln(1 + tracks / documents)}) and its kind (tags count most).
 *   <li><b>Candidates.</b> {@value #CANDIDATES} nearest neighbours of the profile (HNSW) and
 *       {@value #CANDIDATES} tracks with the most facet weight, both searched with the filters and
 *       exclusions inside; seeds and negative seeds are always excluded.
 *   <li><b>Score.</b> Feature similarity {@code 1 / (1 + d²/τ²)} with τ = {@value #TAU} on the
 *       profile's known features ({@code d²} rescaled to all 11); facet similarity = the share of
 *       the profile's facet weight the track carries; blended by {@code tagShare} where both can be
 *       measured, otherwise the one that can. Negative seeds subtract {@value #NEGATIVE_WEIGHT} ×
 *       (how much closer the track is to them than to the profile, and the share of their own
 *       facets it carries). A popularity target scales the score by up to {@code w/(2(1+w))}.
 *   <li><b>Diversity.</b> Greedy selection in score order where each track already chosen from the
 *       same primary artist multiplies a candidate's score by {@value #ARTIST_DECAY}.
 * </ol>
 *
 * <p>Scores are in (0, 1] and never increase down the list. For the same request on the same index
 * state the answer is the same (every tie is broken by popularity, then by id).
 */
@Component
public class Recommender {
  /** Candidates taken from each source (nearest neighbours, facet matches). */
  static final int CANDIDATES = 150;

  /** Feature distance (in the 11-dimension normalised space) at which similarity is 0.5. */
  static final double TAU = 0.5;

  /** How far the profile is pushed away from the negative seeds, relative to their distance. */
  static final double PUSH = 0.5;

  /** How much resemblance to the negative seeds is subtracted from a score. */
  static final double NEGATIVE_WEIGHT = 0.5;

  /** Score factor per track already chosen from the same artist. */
  static final double ARTIST_DECAY = 0.8;

  /** Kind weights of facets: tags first, then acoustic/electric and vocal/instrumental. */
  private static final Map<Facet.Kind, Double> KIND_WEIGHTS =
      Map.of(
          Facet.Kind.TAG, 1.0,
          Facet.Kind.ACOUSTIC_ELECTRIC, 0.5,
          Facet.Kind.VOCAL_INSTRUMENTAL, 0.5,
          Facet.Kind.LANG, 0.35,
          Facet.Kind.GENDER, 0.25,
          Facet.Kind.SPEED, 0.25);

  private final EntityCache entities;
  private final NeighbourSearch neighbours;

  public Recommender(EntityCache entities, NeighbourSearch neighbours) {
    this.entities = entities;
    this.neighbours = neighbours;
  }

  public Recommendations recommend(RecommendationRequest r) {
    return recommend(r, entities.tracks(r.seeds()));
  }

  /**
   * As {@link #recommend(RecommendationRequest)} for a caller that already holds the seed tracks (a
   * track page shows its track and asks for similar ones): {@code seeds} are the request's seed
   * tracks that exist, so the store is not asked for them again.
   */
  public Recommendations recommend(RecommendationRequest r, List<Track> seeds) {
    return recommend(
        r, seeds, r.negativeSeeds().isEmpty() ? List.of() : entities.tracks(r.negativeSeeds()));
  }

  /**
   * As {@link #recommend(RecommendationRequest, List)} for a caller that already holds the negative
   * seeds too (the ReccoBeats dialect resolves both to tell unknown seeds apart): each entity of
   * the request is loaded once (issue 15).
   */
  public Recommendations recommend(
      RecommendationRequest r, List<Track> seeds, List<Track> negatives) {
    if (seeds.isEmpty()) {
      return Recommendations.none();
    }

    float[] profile =
        blend(mean(seeds), FeatureVector.partial(r.targets()), (float) r.featureWeight());
    float[] negative = mean(negatives);
    push(profile, negative);
    boolean features = known(profile);

    Map<Facet, Double> shares = shares(seeds);
    Map<Facet, Double> negativeShares = shares(negatives);
    negativeShares.keySet().removeAll(shares.keySet());
    Set<Facet> all = new HashSet<>(shares.keySet());
    all.addAll(negativeShares.keySet());
    NeighbourSearch.FacetCounts counts = neighbours.count(all);
    Map<Facet, Float> weights = weigh(shares, counts);
    Map<Facet, Float> penalties = weigh(negativeShares, counts);

    Set<Long> exclude = new HashSet<>(r.excludeTrackIds());
    exclude.addAll(r.seeds());
    exclude.addAll(r.negativeSeeds());
    List<Neighbour> candidates =
        neighbours.neighbours(
            new NeighbourQuery(
                r.filter(),
                exclude,
                r.excludeArtistIds(),
                r.excludeAlbumIds(),
                features ? filled(profile) : null,
                features ? CANDIDATES : 0,
                weights,
                penalties,
                weights.isEmpty() ? 0 : CANDIDATES));

    Scoring scoring =
        new Scoring(
            profile,
            negative,
            features,
            sum(weights),
            sum(penalties),
            r.tagShare(),
            r.popularity(),
            r.featureWeight());
    List<Scored> ranked = new ArrayList<>();
    for (Neighbour n : candidates) {
      double s = scoring.score(n);
      if (s > 0) {
        ranked.add(new Scored(n, s));
      }
    }
    return new Recommendations(
        diversify(ranked, r.size()),
        Math.min(ranked.size(), RecommendationRequest.MAX_SIZE),
        seeds.stream().map(Track::id).toList());
  }

  /** A candidate with its score before diversity. */
  private record Scored(Neighbour n, double score) {}

  /** The per-request constants of the score. */
  private record Scoring(
      float[] profile,
      float[] negative,
      boolean features,
      double facetTotal,
      double penaltyTotal,
      double tagShare,
      Double popularity,
      double featureWeight) {

    double score(Neighbour n) {
      boolean tags = facetTotal > 0;
      double featureShare = features ? (tags ? 1 - tagShare : 1) : 0;
      double facetShare = tags ? (features ? tagShare : 1) : 0;
      double fs = features && n.vector() != null ? similarity(profile, n.vector()) : 0;
      double ts = tags ? Math.min(1, n.facetScore() / facetTotal) : 0;
      double s = featureShare * fs + facetShare * ts;
      double closerToNegative =
          features && known(negative) && n.vector() != null
              ? Math.max(0, similarity(negative, n.vector()) - fs)
              : 0;
      double negativeFacets = penaltyTotal > 0 ? Math.min(1, n.penaltyScore() / penaltyTotal) : 0;
      s -= NEGATIVE_WEIGHT * (featureShare * closerToNegative + facetShare * negativeFacets);
      if (popularity != null) {
        double pull = 0.5 * featureWeight / (1 + featureWeight);
        s *= 1 - pull * Math.min(1, Math.abs(n.popularity() - popularity) / 100);
      }
      return Math.min(1, s);
    }
  }

  /**
   * Feature similarity on the known components of {@code profile}: {@code 1 / (1 + d²/τ²)} where
   * {@code d²} is the squared distance over those components scaled up to all of them.
   */
  static double similarity(float[] profile, float[] v) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < profile.length; i++) {
      if (!Float.isNaN(profile[i])) {
        double d = profile[i] - v[i];
        sum += d * d;
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    double d2 = sum * profile.length / n;
    return 1 / (1 + d2 / (TAU * TAU));
  }

  /** Per component, the mean over the tracks that know it; NaN where none does. */
  private static float[] mean(List<Track> tracks) {
    float[] sum = new float[FeatureVector.DIMENSIONS];
    int[] n = new int[FeatureVector.DIMENSIONS];
    for (Track t : tracks) {
      float[] v = FeatureVector.partial(t.features());
      for (int i = 0; i < sum.length; i++) {
        if (!Float.isNaN(v[i])) {
          sum[i] += v[i];
          n[i]++;
        }
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = n[i] == 0 ? Float.NaN : sum[i] / n[i];
    }
    return sum;
  }

  private static float[] blend(float[] seeds, float[] targets, float w) {
    float[] out = seeds.clone();
    for (int i = 0; i < out.length; i++) {
      if (!Float.isNaN(targets[i])) {
        out[i] = Float.isNaN(seeds[i]) ? targets[i] : (seeds[i] + w * targets[i]) / (1 + w);
      }
    }
    return out;
  }

  private static void push(float[] profile, float[] negative) {
    for (int i = 0; i < profile.length; i++) {
      if (!Float.isNaN(profile[i]) && !Float.isNaN(negative[i])) {
        float p = profile[i] + (float) PUSH * (profile[i] - negative[i]);
        profile[i] = Math.max(0f, Math.min(1f, p));
      }
    }
  }

  private static boolean known(float[] v) {
    for (float x : v) {
      if (!Float.isNaN(x)) {
        return true;
      }
    }
    return false;
  }

  /** The vector for the kNN search: unknown components at the middle of their range. */
  private static float[] filled(float[] profile) {
    float[] out = profile.clone();
    for (int i = 0; i < out.length; i++) {
      if (Float.isNaN(out[i])) {
        out[i] = 0.5f;
      }
    }
    return out;
  }

  /** Each facet of the tracks with the share of tracks carrying it, in order of appearance. */
  private static Map<Facet, Double> shares(List<Track> tracks) {
    Map<Facet, Double> out = new LinkedHashMap<>();
    for (Track t : tracks) {
      for (Facet f : Facet.of(t)) {
        out.merge(f, 1.0 / tracks.size(), Double::sum);
      }
    }
    return out;
  }

  private static Map<Facet, Float> weigh(
      Map<Facet, Double> shares, NeighbourSearch.FacetCounts counts) {
    Map<Facet, Float> out = new LinkedHashMap<>();
    for (Map.Entry<Facet, Double> e : shares.entrySet()) {
      long docs = Math.max(1, counts.documents().getOrDefault(e.getKey(), 1L));
      double rarity = Math.log(1 + (double) Math.max(1, counts.tracks()) / docs);
      out.put(e.getKey(), (float) (KIND_WEIGHTS.get(e.getKey().kind()) * e.getValue() * rarity));
    }
    return out;
  }

  private static double sum(Map<Facet, Float> weights) {
    double s = 0;
    for (float w : weights.values()) {
      s += w;
    }
    return s;
  }

  private static final Comparator<Scored> ORDER =
      Comparator.comparingDouble((Scored s) -> -s.score())
          .thenComparingDouble(s -> -s.n().popularity())
          .thenComparingLong(s -> s.n().id());

  /** A candidate in the selection queue: its score after {@code penalties} artist penalties. */
  private record Queued(Scored current, Scored original, int penalties) {}

  /**
   * Greedy selection: always the best candidate after its artist penalty; penalties only grow, so a
   * candidate popped with an out-of-date penalty is queued again with the current one.
   */
  private static List<Recommendation> diversify(List<Scored> ranked, int size) {
    PriorityQueue<Queued> queue =
        new PriorityQueue<>(
            Math.max(1, ranked.size()), Comparator.comparing(Queued::current, ORDER));
    ranked.forEach(s -> queue.add(new Queued(s, s, 0)));
    Map<Long, Integer> perArtist = new HashMap<>();
    List<Recommendation> out = new ArrayList<>();
    while (out.size() < size && !queue.isEmpty()) {
      Queued q = queue.poll();
      int chosen = perArtist.getOrDefault(q.original().n().artistId(), 0);
      if (chosen != q.penalties()) {
        double score = q.original().score() * Math.pow(ARTIST_DECAY, chosen);
        queue.add(new Queued(new Scored(q.original().n(), score), q.original(), chosen));
        continue;
      }
      out.add(new Recommendation(q.current().n().id(), q.current().score()));
      perArtist.merge(q.original().n().artistId(), 1, Integer::sum);
    }
    return out;
  }
}

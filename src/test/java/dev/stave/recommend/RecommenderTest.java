package dev.stave.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.search.FeatureVector;
import dev.stave.search.NeighbourSearch;
import dev.stave.search.SearchIndex;
import dev.stave.search.TrackQuery;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine over a synthetic catalog whose geometry is known: 200 tracks with random features
 * (genre tag by energy), 20 tag-only tracks, and a planted cluster for diversity.
 */
class RecommenderTest {
  @TempDir static Path dir;
  private static TestStore db;
  private static SearchIndex index;
  private static Recommender recommender;
  private static final Map<Long, Track> TRACKS = new HashMap<>();

  /** Artist 50 has six copies of seed 3000's features; artists 52…57 one close track each. */
  private static final long CLUSTER_SEED = 3000;

  private static final long CLUSTER_ARTIST = 50;

  @BeforeAll
  static void catalog() {
    db = TestStores.sqlite(dir);
    List<Artist> artists = new ArrayList<>();
    List<Album> albums = new ArrayList<>();
    for (long a = 1; a <= 60; a++) {
      artists.add(Artist.named(a, "Artist " + a));
      albums.add(album(100 + a, a));
    }
    Random random = new Random(7);
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      AudioFeatures f = features(random);
      String genre = f.energy() < 0.33 ? "calm" : f.energy() < 0.66 ? "mid" : "loud";
      String instrument = List.of("piano", "guitar", "synth").get(random.nextInt(3));
      long artist = i % 10 + 1;
      tracks.add(
          track(
              1000 + i,
              artist,
              f,
              List.of(new Tag(Tag.GENRE, genre), new Tag(Tag.INSTRUMENT, instrument)),
              i % 100));
    }
    for (int i = 0; i < 20; i++) {
      List<Tag> tags =
          i < 8
              ? List.of(new Tag(Tag.GENRE, "fado"), new Tag(Tag.MOOD, i % 2 == 0 ? "sad" : "warm"))
              : List.of(new Tag(Tag.GENRE, "jazz"), new Tag(Tag.INSTRUMENT, "piano"));
      tracks.add(track(2000 + i, 11 + i % 4, AudioFeatures.NONE, tags, i));
    }
    AudioFeatures centre = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 5, 0.5, -30.0, 1, 0.5, 125.0, 0.5);
    tracks.add(track(CLUSTER_SEED, 51, centre, List.of(), 50));
    for (int i = 0; i < 6; i++) {
      tracks.add(track(3001 + i, CLUSTER_ARTIST, centre, List.of(), 10));
      AudioFeatures near =
          new AudioFeatures(0.5, 0.5, 0.52, 0.5, 5, 0.5, -30.0, 1, 0.5, 125.0, 0.5);
      tracks.add(track(3011 + i, 52 + i, near, List.of(), 10));
    }
    tracks.forEach(t -> TRACKS.put(t.id(), t));
    db.store().write(new CatalogBatch(artists, albums, tracks));
    index = new SearchIndex(db.store(), db.properties(), false);
    index.open();
    recommender = new Recommender(new EntityCache(db.store()), new NeighbourSearch(index));
  }

  @AfterAll
  static void close() {
    index.close();
    db.close();
  }

  private static AudioFeatures features(Random r) {
    return new AudioFeatures(
        r.nextDouble(),
        r.nextDouble(),
        r.nextDouble(),
        r.nextDouble(),
        r.nextInt(12),
        r.nextDouble(),
        -60 + 60 * r.nextDouble(),
        r.nextInt(2),
        r.nextDouble(),
        60 + 150 * r.nextDouble(),
        r.nextDouble());
  }

  private static Album album(long id, long artist) {
    return Album.builder().id(id).name("Album " + id).artistIds(List.of(artist)).build();
  }

  private static Track track(
      long id, long artist, AudioFeatures f, List<Tag> tags, double popularity) {
    return Track.builder()
        .id(id)
        .name("Track " + id)
        .albumId(100 + artist)
        .position(1)
        .disc(1)
        .durationMs(180_000)
        .musicInfo(MusicInfo.NONE)
        .popularity(popularity)
        .features(f)
        .artistIds(List.of(artist))
        .tags(tags)
        .build();
  }

  private static Recommendations recommend(RecommendationRequest.Builder b) {
    return recommender.recommend(b.build());
  }

  private static float[] vector(long id) {
    return FeatureVector.of(TRACKS.get(id).features());
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static double meanDistance(List<Long> ids, float[] to) {
    return ids.stream().mapToDouble(id -> distance(vector(id), to)).average().orElseThrow();
  }

  @Test
  void scoresAreAtMostOneDescendingAndSeedsAreNeverReturned() {
    Recommendations r =
        recommend(
            RecommendationRequest.builder()
                .seeds(1003L, 1004L)
                .negativeSeeds(List.of(1005L))
                .size(50));
    assertThat(r.items()).hasSize(50);
    assertThat(r.resolvedSeeds()).containsExactly(1003L, 1004L);
    double previous = 1;
    for (Recommendation x : r.items()) {
      assertThat(x.score()).isPositive().isLessThanOrEqualTo(previous);
      previous = x.score();
    }
    assertThat(r.trackIds()).doesNotContain(1003L, 1004L, 1005L).doesNotHaveDuplicates();
  }

  @Test
  void exclusionsAndFiltersApplyInsideTheSearch() {
    Recommendations r =
        recommend(
            RecommendationRequest.builder()
                .seeds(1010L)
                .size(40)
                .excludeArtists(List.of(1L, 2L))
                .excludeAlbums(List.of(103L))
                .excludeTracks(List.of(1020L))
                .filter(TrackQuery.builder().tags(List.of("loud")).build()));
    assertThat(r.items()).isNotEmpty();
    for (long id : r.trackIds()) {
      Track t = TRACKS.get(id);
      assertThat(t.primaryArtistId()).isNotIn(1L, 2L, 3L);
      assertThat(t.tags()).contains(new Tag(Tag.GENRE, "loud"));
      assertThat(id).isNotEqualTo(1020L);
    }
  }

  @Test
  void negativeSeedsPushResultsAway() {
    double without = 0;
    double with = 0;
    for (long seed = 1100; seed < 1110; seed++) {
      long negative = seed + 50;
      float[] away = vector(negative);
      without +=
          meanDistance(
              recommend(RecommendationRequest.builder().seeds(seed).size(10)).trackIds(), away);
      with +=
          meanDistance(
              recommend(
                      RecommendationRequest.builder()
                          .seeds(seed)
                          .negativeSeeds(List.of(negative))
                          .size(10))
                  .trackIds(),
              away);
    }
    assertThat(with).isGreaterThan(without * 1.05);
  }

  @Test
  void featureWeightMovesResultsTowardTheTargets() {
    long seed =
        TRACKS.values().stream()
            .filter(t -> t.id() < 1200 && t.features().energy() < 0.15)
            .mapToLong(Track::id)
            .min()
            .orElseThrow();
    AudioFeatures loud =
        new AudioFeatures(null, null, 1.0, null, null, null, null, null, null, null, null);
    // features alone: the seed's tags would otherwise keep the list among calm tracks
    RecommendationRequest.Builder b = RecommendationRequest.builder().seeds(seed).tagShare(0);
    double none = meanEnergy(recommend(b));
    double w1 = meanEnergy(recommend(b.targets(loud)));
    double w5 = meanEnergy(recommend(b.targets(loud).featureWeight(5)));
    assertThat(w1).isGreaterThan(none + 0.1);
    assertThat(w5).isGreaterThan(w1 + 0.05);
  }

  private static double meanEnergy(Recommendations r) {
    return r.trackIds().stream()
        .mapToDouble(id -> TRACKS.get(id).features().energy())
        .average()
        .orElseThrow();
  }

  @Test
  void aPopularityTargetFavoursTracksNearIt() {
    double low =
        meanPopularity(
            recommend(
                RecommendationRequest.builder()
                    .seeds(1030L)
                    .popularity(0.0)
                    .featureWeight(5)
                    .size(20)));
    double high =
        meanPopularity(
            recommend(
                RecommendationRequest.builder()
                    .seeds(1030L)
                    .popularity(100.0)
                    .featureWeight(5)
                    .size(20)));
    assertThat(high).isGreaterThan(low + 10);
  }

  private static double meanPopularity(Recommendations r) {
    return r.trackIds().stream()
        .mapToDouble(id -> TRACKS.get(id).popularity())
        .average()
        .orElseThrow();
  }

  @Test
  void anArtistsFurtherTracksGiveWayToOtherArtists() {
    List<Long> ids =
        recommend(RecommendationRequest.builder().seeds(CLUSTER_SEED).size(20)).trackIds();
    // six identical copies by one artist: the first leads, the next waits behind the six near
    // tracks of six other artists (score 1 · 0.8 < 0.99)
    assertThat(artist(ids.get(0))).isEqualTo(CLUSTER_ARTIST);
    assertThat(ids.subList(1, 7)).allMatch(id -> artist(id) != CLUSTER_ARTIST);
    assertThat(artist(ids.get(7))).isEqualTo(CLUSTER_ARTIST);
    assertThat(ids.stream().filter(id -> artist(id) == CLUSTER_ARTIST)).hasSize(6);
  }

  private static long artist(long id) {
    return TRACKS.get(id).primaryArtistId();
  }

  @Test
  void tracksWithTagsButNoFeaturesAreRankedByTags() {
    Recommendations r = recommend(RecommendationRequest.builder().seeds(2000L).size(20));
    List<Long> ids = r.trackIds();
    // the seed's tags: fado (8 tracks) and sad (4): the three other sad fado tracks first
    assertThat(ids.subList(0, 3)).containsExactlyInAnyOrder(2002L, 2004L, 2006L);
    assertThat(ids.subList(3, 7)).containsExactlyInAnyOrder(2001L, 2003L, 2005L, 2007L);
    assertThat(ids).hasSize(7); // nothing else shares a tag
    assertThat(r.items().get(0).score()).isLessThanOrEqualTo(1.0);
  }

  @Test
  void theSameRequestGivesTheSameAnswerAndLongerListsExtendShorterOnes() {
    RecommendationRequest.Builder b =
        RecommendationRequest.builder().seeds(1040L, 1041L, 2009L).negativeSeeds(List.of(1042L));
    Recommendations first = recommend(b.size(30));
    Recommender other = new Recommender(new EntityCache(db.store()), new NeighbourSearch(index));
    Recommendations again = other.recommend(b.size(30).build());
    assertThat(again).isEqualTo(first);
    Recommendations shorter = recommend(b.size(7));
    assertThat(shorter.items()).isEqualTo(first.items().subList(0, 7));
    assertThat(shorter.available()).isEqualTo(first.available());
  }

  @Test
  void unknownSeedsAreReportedAndGiveNothing() {
    Recommendations none = recommend(RecommendationRequest.builder().seeds(999_999L));
    assertThat(none.items()).isEmpty();
    assertThat(none.resolvedSeeds()).isEmpty();
    Recommendations some = recommend(RecommendationRequest.builder().seeds(999_999L, 1001L));
    assertThat(some.resolvedSeeds()).containsExactly(1001L);
    assertThat(some.items()).isNotEmpty();
  }

  @Test
  void requestsOutsideTheDocumentedRangesAreRefused() {
    assertThatThrownBy(() -> RecommendationRequest.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seeds");
    assertThatThrownBy(() -> RecommendationRequest.builder().seeds(1L, 2L, 3L, 4L, 5L, 6L).build())
        .hasMessageContaining("seeds");
    assertThatThrownBy(() -> RecommendationRequest.builder().seeds(1L).featureWeight(0.5).build())
        .hasMessageContaining("featureWeight");
    assertThatThrownBy(() -> RecommendationRequest.builder().seeds(1L).size(501).build())
        .hasMessageContaining("size");
    assertThatThrownBy(() -> RecommendationRequest.builder().seeds(1L).popularity(101.0).build())
        .hasMessageContaining("popularity");
  }
}

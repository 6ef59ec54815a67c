package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every filter, sort and ranking of the query API on {@link SampleCatalog}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchTest {

  private TestStore db;
  private SearchIndex index;
  private CatalogSearch search;

  @BeforeAll
  void setUp(@TempDir Path dir) {
    db = TestStores.sqlite(dir);
    db.store().write(SampleCatalog.batch());
    index = new SearchIndex(db.store(), db.properties(), false);
    index.open();
    search = new CatalogSearch(index);
  }

  @AfterAll
  void tearDown() {
    index.close();
    db.close();
  }

  private List<Long> ids(UnaryOperator<TrackQuery.Builder> q) {
    return search.tracks(q.apply(TrackQuery.builder().page(0, 100)).build()).ids();
  }

  @Test
  void withoutConditionsEveryTrackInIdOrder() {
    SearchResult all = search.tracks(TrackQuery.builder().page(0, 100).build());
    assertThat(all.ids()).containsExactly(101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L);
    assertThat(all.total()).isEqualTo(8);
  }

  @Test
  void byNumericIdsUuidSpotifyIdAndIsrc() {
    assertThat(ids(q -> q.ids(103L, 101L, 999L))).containsExactly(101L, 103L);
    Track t105 = db.store().findTracks(List.of(105L)).get(0);
    assertThat(ids(q -> q.uuids(List.of(t105.uuid())))).containsExactly(105L);
    assertThat(ids(q -> q.spotifyIds(List.of("sp106", "nope")))).containsExactly(106L);
    assertThat(ids(q -> q.isrcs(List.of("ISRC102")))).containsExactly(102L);
    assertThat(ids(q -> q.excludeIds(List.of(101L, 102L, 103L))))
        .containsExactly(104L, 105L, 106L, 107L, 108L);
  }

  @Test
  void byName() {
    assertThat(ids(q -> q.name(NameMatch.exact("LOVE love  Love")))).containsExactly(107L);
    assertThat(ids(q -> q.name(NameMatch.exact("Love")))).isEmpty();
    assertThat(ids(q -> q.name(NameMatch.prefix("love")))).containsExactly(104L, 107L);
    assertThat(ids(q -> q.name(NameMatch.substring("RAIN"))))
        .containsExactly(102L, 104L, 105L, 108L);
    // Accents are folded on both sides.
    assertThat(ids(q -> q.name(NameMatch.substring("cafe")))).containsExactly(106L);
    assertThat(ids(q -> q.name(NameMatch.substring("in the ra")))).containsExactly(104L);
    // Every gram of "rain road" occurs in "Rainbow Road", but not contiguously.
    assertThat(ids(q -> q.name(NameMatch.substring("rain road")))).isEmpty();
    // Shorter than a trigram: the wildcard fallback.
    assertThat(ids(q -> q.name(NameMatch.substring("ov")))).containsExactly(103L, 104L, 107L);
  }

  @Test
  void byAlbumAndArtist() {
    assertThat(ids(q -> q.albumIds(List.of(20L)))).containsExactly(103L, 104L, 105L);
    // 103 has artist 1 as its second artist.
    assertThat(ids(q -> q.artistIds(List.of(1L)))).containsExactly(101L, 102L, 103L, 108L);
  }

  @Test
  void byTagsAllOf() {
    assertThat(ids(q -> q.tags(List.of("happy")))).containsExactly(103L, 104L, 106L, 107L);
    assertThat(ids(q -> q.tags(List.of("Happy", "electronic")))).containsExactly(103L);
    assertThat(ids(q -> q.categoryTags(List.of(new Tag(Tag.INSTRUMENT, "piano")))))
        .containsExactly(101L, 108L);
    assertThat(ids(q -> q.categoryTags(List.of(new Tag(Tag.GENRE, "piano"))))).isEmpty();
  }

  @Test
  void fuzzyTagsRankTracksMatchingMoreTagsFirst() {
    SearchResult r =
        search.tracks(TrackQuery.builder().fuzzyTags(List.of("pop", "happy", "romantic")).build());
    // 104 and 107 have all three; 103, 105, 106 one each; ties in id order.
    assertThat(r.ids()).containsExactly(104L, 107L, 103L, 105L, 106L);
    assertThat(r.hits()).extracting(Hit::score).containsExactly(3f, 3f, 1f, 1f, 1f);
    assertThat(r.total()).isEqualTo(5);
  }

  @Test
  void byDateAndDurationRanges() {
    assertThat(ids(q -> q.released(LocalDate.of(2005, 1, 1), LocalDate.of(2016, 1, 1))))
        .containsExactly(103L, 104L, 105L);
    assertThat(ids(q -> q.released(LocalDate.of(2018, 9, 9), null))).containsExactly(106L, 107L);
    assertThat(ids(q -> q.durationMs(200_000L, 260_000L))).containsExactly(102L, 103L, 106L);
    assertThat(ids(q -> q.durationMs(null, 150_000L))).containsExactly(105L, 107L);
  }

  @Test
  void byMusicInfo() {
    assertThat(ids(q -> q.vocalInstrumental("instrumental"))).containsExactly(101L, 102L, 108L);
    assertThat(ids(q -> q.gender("female"))).containsExactly(103L, 105L, 107L);
    assertThat(ids(q -> q.speeds(List.of("high", "veryhigh")))).containsExactly(103L, 104L, 105L);
    assertThat(ids(q -> q.acousticElectric("acoustic")))
        .containsExactly(101L, 102L, 106L, 107L, 108L);
    assertThat(ids(q -> q.lang("en").gender("female"))).containsExactly(103L, 107L);
  }

  @Test
  void byLicenceClauses() {
    assertThat(ids(q -> q.ccnc(true))).containsExactly(101L, 105L, 106L, 108L);
    assertThat(ids(q -> q.ccnc(false))).containsExactly(102L, 103L, 104L, 107L);
    assertThat(ids(q -> q.ccsa(true))).containsExactly(101L, 104L, 108L);
    assertThat(ids(q -> q.ccnd(true))).containsExactly(103L, 106L);
    // Plain CC-BY (and the one track without a CC licence).
    assertThat(ids(q -> q.ccnc(false).ccnd(false).ccsa(false))).containsExactly(102L, 107L);
  }

  @Test
  void byEditorialFlags() {
    assertThat(ids(q -> q.featured(true))).containsExactly(101L, 104L);
    assertThat(ids(q -> q.downloadAllowed(false))).containsExactly(103L);
  }

  @Test
  void fullTextRanksShortTitleMatchesFirst() {
    SearchResult r = search.tracks(TrackQuery.builder().text("rain").build());
    // "Rainbow" is another word; "Quiet Rain" is the shortest title containing "rain".
    assertThat(r.ids()).containsExactlyInAnyOrder(102L, 104L, 108L);
    assertThat(r.ids().get(0)).isEqualTo(108L);
    assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(2).score());
  }

  @Test
  void fullTextSpansTitlesArtistsAlbumsAndTags() {
    // Every word must match somewhere: "love" in the title, "happy" in a tag.
    SearchResult r = search.tracks(TrackQuery.builder().text("love happy").build());
    assertThat(r.ids()).containsExactlyInAnyOrder(103L, 104L, 107L);
    assertThat(r.ids().get(0)).isEqualTo(107L);
    // Title and artist both match for 101; the other tracks of the artist follow.
    assertThat(ids(q -> q.text("moonlight"))).containsExactlyInAnyOrder(101L, 102L, 103L, 108L);
    assertThat(ids(q -> q.text("moonlight")).get(0)).isEqualTo(101L);
    assertThat(ids(q -> q.text("night songs"))).containsExactlyInAnyOrder(101L, 102L, 108L);
    assertThat(ids(q -> q.text("Tacvba"))).containsExactlyInAnyOrder(106L, 107L);
  }

  @Test
  void boostBlendsPopularityIntoRelevance() {
    SearchResult plain = search.tracks(TrackQuery.builder().text("rain").build());
    SearchResult boosted =
        search.tracks(
            TrackQuery.builder().text("rain").boost(TrackSort.LISTENS_TOTAL, 10f).build());
    // Same matches (the boost never adds tracks), reordered by listens: 104 (20,000) first.
    assertThat(boosted.ids()).containsExactlyInAnyOrderElementsOf(plain.ids());
    assertThat(boosted.ids()).containsExactly(104L, 102L, 108L);
    // Blended, not replaced: a small weight keeps relevance in charge.
    SearchResult light =
        search.tracks(
            TrackQuery.builder().text("rain").boost(TrackSort.LISTENS_TOTAL, 0.001f).build());
    assertThat(light.ids()).isEqualTo(plain.ids());
    assertThat(light.hits().get(0).score()).isGreaterThan(plain.hits().get(0).score());
  }

  @Test
  void sortsByOneOrSeveralKeys() {
    assertThat(ids(q -> q.sortBy(TrackSort.POPULARITY, true)))
        .containsExactly(103L, 104L, 106L, 102L, 105L, 107L, 101L, 108L);
    assertThat(ids(q -> q.sortBy(TrackSort.NAME, false)))
        .containsExactly(103L, 104L, 107L, 101L, 106L, 108L, 105L, 102L);
    assertThat(ids(q -> q.sortBy(TrackSort.ARTIST_ID, false).sortBy(TrackSort.RELEASE_DATE, true)))
        .containsExactly(102L, 101L, 108L, 105L, 104L, 103L, 107L, 106L);
    assertThat(ids(q -> q.sortBy(TrackSort.DURATION, false)))
        .containsExactly(107L, 105L, 104L, 103L, 102L, 106L, 101L, 108L);
    assertThat(ids(q -> q.sortBy(TrackSort.ENERGY, true).page(0, 3)))
        .containsExactly(103L, 105L, 104L);
  }

  @Test
  void offsetLimitAndExactTotal() {
    SearchResult page =
        search.tracks(TrackQuery.builder().sortBy(TrackSort.POPULARITY, true).page(2, 3).build());
    assertThat(page.ids()).containsExactly(106L, 102L, 105L);
    assertThat(page.total()).isEqualTo(8);
    SearchResult beyond = search.tracks(TrackQuery.builder().page(8, 5).build());
    assertThat(beyond.ids()).isEmpty();
    assertThat(beyond.total()).isEqualTo(8);
    assertThatThrownBy(() -> TrackQuery.builder().page(-1, 5).build())
        .hasMessageStartingWith("offset");
    assertThatThrownBy(() -> TrackQuery.builder().page(0, 0).build())
        .hasMessageStartingWith("limit");
  }

  @Test
  void nearestNeighboursWithFiltersInside() {
    for (CatalogSearch.VectorStrategy strategy : CatalogSearch.VectorStrategy.values()) {
      CatalogSearch s = new CatalogSearch(index, strategy);
      TrackQuery near = TrackQuery.builder().similarTo(SampleCatalog.features(0.72)).build();
      SearchResult r = s.tracks(near);
      // |energy - 0.72|: 104 .02, 105 .03, 103 .08, 106 .22, 107 .32, 102 .52, 101 .62, 108 .67
      assertThat(r.ids())
          .as(strategy.name())
          .containsExactly(104L, 105L, 103L, 106L, 107L, 102L, 101L, 108L);
      assertThat(r.total()).isEqualTo(8);
      assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score());
      // Filters apply inside the search: the 2 nearest pop tracks, not the pop tracks among
      // the 2 nearest.
      SearchResult pop =
          s.tracks(
              near.toBuilder().tags(List.of("pop")).excludeIds(List.of(104L)).page(0, 2).build());
      assertThat(pop.ids()).as(strategy.name()).containsExactly(105L, 107L);
      assertThat(pop.total()).isEqualTo(2);
      assertThat(s.tracks(near.toBuilder().page(1, 2).build()).ids()).containsExactly(105L, 103L);
    }
    assertThatThrownBy(
            () ->
                TrackQuery.builder()
                    .similarTo(SampleCatalog.features(0.5))
                    .sortBy(TrackSort.NAME, false)
                    .build())
        .hasMessageStartingWith("sort");
  }

  @Test
  void albumsAndArtistsByNameAndSort() {
    assertThat(search.albums(EntityQuery.builder().name(NameMatch.prefix("ele")).build()).ids())
        .containsExactly(20L);
    assertThat(search.albums(EntityQuery.builder().name(NameMatch.substring("song")).build()).ids())
        .containsExactly(10L);
    assertThat(search.albums(EntityQuery.builder().name(NameMatch.exact("re")).build()).ids())
        .containsExactly(30L);
    assertThat(search.albums(EntityQuery.builder().sortBy(EntitySort.NAME, false).build()).ids())
        .containsExactly(20L, 10L, 30L);
    assertThat(search.albums(EntityQuery.builder().artistIds(Set.of(2L)).build()).ids())
        .containsExactly(20L);
    assertThat(search.albums(EntityQuery.builder().text("rainbow").build()).ids())
        .containsExactly(20L);
    assertThat(
            search
                .artists(EntityQuery.builder().name(NameMatch.substring("RAINBOW")).build())
                .ids())
        .containsExactly(2L);
    assertThat(search.artists(EntityQuery.builder().text("café").build()).ids())
        .containsExactly(3L);
    SearchResult byNameDesc =
        search.artists(EntityQuery.builder().sortBy(EntitySort.NAME, true).page(0, 2).build());
    assertThat(byNameDesc.ids()).containsExactly(1L, 2L);
    assertThat(byNameDesc.total()).isEqualTo(3);
  }
}

package dev.stave.library;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.bareTrack;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.WriteCounts;
import dev.stave.testsupport.BothStores;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The user library on both databases: relations, playlist and review searches. */
@BothStores
class LibraryStoreTest {
  private static final LocalDateTime T1 = LocalDateTime.of(2021, 1, 2, 3, 4, 5);
  private static final LocalDateTime T2 = LocalDateTime.of(2022, 6, 7, 8, 9, 10);

  private final CatalogStore catalog;
  private final LibraryStore library;

  LibraryStoreTest(CatalogStore catalog, LibraryStore library) {
    this.catalog = catalog;
    this.library = library;
  }

  /**
   * Artists 1, 2; album 10 by 1, album 11 by 2; tracks 100, 101 on 10, 102 on 11, single 103; users
   * 1–3. Written before each test: the store's writes are idempotent.
   */
  @BeforeEach
  void catalog() {
    ReleaseDate d = ReleaseDate.parse("2020-01-01");
    catalog.write(
        new CatalogBatch(
            List.of(artist(1, "Ana"), artist(2, "Bruno")),
            List.of(album(10, List.of(1L), d), album(11, List.of(2L), d)),
            List.of(
                track(100, 10L, List.of(1L), features()),
                track(101, 10L, List.of(1L), features()),
                track(102, 11L, List.of(2L, 1L), features()),
                bareTrack(103, 2))));
    catalog.write(
        LibraryTables.USERS,
        List.of(
            User.builder()
                .id(1)
                .name("ana")
                .dispname("Ana")
                .lang("pt")
                .creationDate(LocalDate.of(2020, 1, 1))
                .build(),
            User.builder().id(2).name("bea").lang("en").build(),
            User.builder().id(3).name("caio").build()));
  }

  @Test
  void settingARelationIsIdempotentAndKeepsItsFirstTime() {
    assertThat(library.set(1, Relation.FAN, 1, T1)).isTrue();
    assertThat(library.set(1, Relation.FAN, 1, T2)).isFalse();
    assertThat(library.relations(List.of(1L), Set.of(Relation.FAN), Targets.ALL))
        .containsExactly(new UserRelation(1, Relation.FAN, 1, T1));
    assertThat(library.unset(1, Relation.FAN, 1)).isTrue();
    assertThat(library.unset(1, Relation.FAN, 1)).isFalse();
    assertThat(library.relations(List.of(1L), Set.of(Relation.FAN), Targets.ALL)).isEmpty();
  }

  @Test
  void aLikeReplacesADislikeAndTheOtherWayRound() {
    library.set(2, Relation.DISLIKE, 100, T1);
    library.set(2, Relation.LIKE, 100, T2);
    assertThat(library.relations(List.of(2L), Set.of(Relation.LIKE, Relation.DISLIKE), Targets.ALL))
        .containsExactly(new UserRelation(2, Relation.LIKE, 100, T2));
    library.set(2, Relation.DISLIKE, 100, T2);
    assertThat(library.relations(List.of(2L), Set.of(Relation.LIKE, Relation.DISLIKE), Targets.ALL))
        .containsExactly(new UserRelation(2, Relation.DISLIKE, 100, T2));
    library.unset(2, Relation.DISLIKE, 100);
  }

  @Test
  void relationsToUnknownEntitiesAreStoredButNeverRead() {
    assertThat(library.set(3, Relation.FAVORITE, 999_999, T1)).isTrue();
    assertThat(library.set(3, Relation.FAVORITE, 101, T1)).isTrue();
    assertThat(library.relations(List.of(3L), Set.of(Relation.FAVORITE), Targets.ALL))
        .extracting(UserRelation::targetId)
        .containsExactly(101L);
  }

  @Test
  void relationsAreFilteredByTrackAlbumArtistAndType() {
    library.write(
        List.of(
            new UserRelation(3, Relation.LIKE, 100, T1),
            new UserRelation(3, Relation.LIKE, 102, T2),
            new UserRelation(3, Relation.LIKE, 103, T1.plusDays(1))));
    Set<Relation> like = Set.of(Relation.LIKE);
    List<Long> all = targets(library.relations(List.of(3L), like, Targets.ALL));
    assertThat(all).containsExactly(102L, 103L, 100L); // most recent first
    assertThat(
            targets(
                library.relations(
                    List.of(3L), like, new Targets(List.of(), List.of(10L), List.of(), null))))
        .containsExactly(100L);
    // any artist of the track counts: 102 has artists 2 and 1
    assertThat(
            targets(
                library.relations(
                    List.of(3L), like, new Targets(List.of(), List.of(), List.of(1L), null))))
        .containsExactly(102L, 100L);
    assertThat(
            targets(
                library.relations(
                    List.of(3L), like, new Targets(List.of(), List.of(), List.of(), true))))
        .containsExactly(103L);
    assertThat(
            targets(
                library.relations(
                    List.of(3L), like, new Targets(List.of(), List.of(), List.of(), false))))
        .containsExactly(102L, 100L);
    assertThat(targets(library.relations(List.of(3L), like, Targets.ids(List.of(100L, 103L)))))
        .containsExactly(103L, 100L);
    assertThatThrownBy(
            () -> library.relations(List.of(3L), Set.of(Relation.FAN, Relation.LIKE), Targets.ALL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writingRelationsCountsCreatedUpdatedAndUnchanged() {
    List<UserRelation> rows =
        List.of(
            new UserRelation(2, Relation.MYALBUM, 10, T1),
            new UserRelation(2, Relation.MYALBUM, 11, T1));
    assertThat(library.write(rows)).isEqualTo(new WriteCounts(2, 0, 0));
    assertThat(library.write(rows)).isEqualTo(new WriteCounts(0, 0, 2));
    assertThat(library.write(List.of(new UserRelation(2, Relation.MYALBUM, 10, T2))))
        .isEqualTo(new WriteCounts(0, 1, 0));
    assertThat(library.relations(List.of(2L), Set.of(Relation.MYALBUM), Targets.ALL))
        .containsExactly(
            new UserRelation(2, Relation.MYALBUM, 10, T2),
            new UserRelation(2, Relation.MYALBUM, 11, T1));
  }

  @Test
  void aRelationOfAnUnknownUserIsRefused() {
    assertThatThrownBy(() -> library.set(404, Relation.FAN, 1, T1))
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void playlistsAreFoundByNameAuthorAndDateAndKeepTheirAddedDates() {
    catalog.write(
        LibraryTables.PLAYLISTS,
        List.of(
            new Playlist(
                501,
                null,
                "Road Trip 100%",
                1L,
                LocalDate.of(2021, 5, 1),
                true,
                List.of(101L, 100L),
                List.of(LocalDate.of(2021, 5, 2), LocalDate.of(2021, 5, 3))),
            new Playlist(502, null, "road work", 2L, LocalDate.of(2022, 1, 1), false, List.of()),
            new Playlist(503, null, "Calm", 1L, null, true, List.of(103L)),
            new Playlist(504, null, "Café  Été", null, null, true, List.of()),
            new Playlist(505, null, "CAFE ete", null, null, true, List.of())));
    assertThat(library.playlists(List.of(501L)).get(0).addedDates())
        .containsExactly(LocalDate.of(2021, 5, 2), LocalDate.of(2021, 5, 3));
    assertThat(library.playlists(List.of(503L)).get(0).addedDates())
        .containsExactly((LocalDate) null);

    assertThat(find(query().nameContains("ROAD").build())).containsExactly(501L, 502L);
    assertThat(find(query().nameContains("100%").build())).containsExactly(501L);
    assertThat(find(query().nameContains("d_w").build())).isEmpty(); // _ is no wildcard
    assertThat(find(query().nameContains("%").build())).containsExactly(501L);
    // case, accents and repeated spaces ignored, as in the search index's name matching
    assertThat(find(query().nameContains("cafe ete").build())).containsExactly(504L, 505L);
    assertThat(find(query().nameContains("É").build())).containsExactly(504L, 505L);
    Page<Long> named =
        library.playlists(
            query()
                .nameContains("A")
                .orders(List.of(new Order<>(PlaylistQuery.Field.ID, true)))
                .offset(1)
                .limit(2)
                .build());
    assertThat(named.items()).containsExactly(504L, 503L);
    assertThat(named.total()).isEqualTo(5);
    assertThat(find(query().name("Calm").build())).containsExactly(503L);
    assertThat(find(query().userName("ana").build())).containsExactly(501L, 503L);
    assertThat(find(query().userIds(List.of(2L)).build())).containsExactly(502L);
    assertThat(find(query().createdFrom(LocalDate.of(2021, 6, 1)).build())).containsExactly(502L);
    PlaylistQuery byName =
        query()
            .orders(List.of(new Order<>(PlaylistQuery.Field.NAME, true)))
            .offset(0)
            .limit(2)
            .build();
    Page<Long> page = library.playlists(byName);
    assertThat(page.items()).containsExactly(502L, 501L);
    assertThat(page.total()).isEqualTo(5);
  }

  @Test
  void reviewsAreFilteredOrderedWithNullsLastAndJoinedToTheCatalog() {
    catalog.write(
        LibraryTables.REVIEWS,
        List.of(
            new Review(601, "album", 10, 1L, "a", null, 4.0, "en", LocalDate.of(2020, 1, 1), 0),
            new Review(602, "album", 11, 2L, "b", null, null, "fr", LocalDate.of(2021, 1, 1), 2),
            new Review(603, "album", 10, 2L, "c", null, 5.0, "en", null, 1),
            new Review(604, "album", 99_999, 2L, "gone", null, 5.0, "en", null, 1),
            new Review(605, "track", 102, 1L, "t", null, 3.5, "en", LocalDate.of(2022, 1, 1), 0)));
    assertThat(reviewIds(reviewQuery("album", List.of()))).containsExactly(602L, 601L, 603L);
    assertThat(reviewIds(reviewQuery("album", List.of(new Order<>(ReviewQuery.Field.SCORE, true)))))
        .containsExactly(603L, 601L, 602L);
    assertThat(
            reviewIds(reviewQuery("album", List.of(new Order<>(ReviewQuery.Field.SCORE, false)))))
        .containsExactly(601L, 603L, 602L);
    ReviewQuery filtered =
        new ReviewQuery(
            "album",
            List.of(),
            "en",
            null,
            null,
            List.of(2L),
            true,
            new Targets(List.of(), List.of(), List.of(1L), null),
            List.of(),
            0,
            10);
    assertThat(reviewIds(filtered)).containsExactly(603L);
    ReviewQuery dated =
        new ReviewQuery(
            "album",
            List.of(),
            null,
            LocalDate.of(2020, 6, 1),
            null,
            List.of(),
            false,
            Targets.ALL,
            List.of(),
            0,
            10);
    assertThat(reviewIds(dated)).containsExactly(602L);
    assertThat(library.reviews(ReviewQuery.byUsers("track", List.of(1L), Targets.ALL)).items())
        .extracting(Review::id)
        .containsExactly(605L);
    Page<Review> page = library.reviews(reviewQueryPaged(1, 1));
    assertThat(page.items()).extracting(Review::id).containsExactly(601L);
    assertThat(page.total()).isEqualTo(3);
  }

  private static ReviewQuery reviewQuery(String type, List<Order<ReviewQuery.Field>> orders) {
    return new ReviewQuery(
        type, List.of(), null, null, null, List.of(), null, Targets.ALL, orders, 0, 10);
  }

  private static ReviewQuery reviewQueryPaged(long offset, int limit) {
    return new ReviewQuery(
        "album",
        List.of(),
        null,
        null,
        null,
        List.of(),
        null,
        Targets.ALL,
        List.of(),
        offset,
        limit);
  }

  private List<Long> reviewIds(ReviewQuery q) {
    return library.reviews(q).items().stream().map(Review::id).toList();
  }

  private List<Long> find(PlaylistQuery q) {
    return library.playlists(q).items();
  }

  private static List<Long> targets(List<UserRelation> relations) {
    return relations.stream().map(UserRelation::targetId).toList();
  }

  /** A playlist query with only what a test sets, ten playlists at most. */
  private static PlaylistQuery.Builder query() {
    return PlaylistQuery.builder().limit(10);
  }
}

package dev.stave.library;

import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.bareTrack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Feed;
import dev.stave.catalog.Radio;
import dev.stave.catalog.WriteCounts;
import dev.stave.testsupport.BothStores;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Users, playlists, reviews, radios and feeds through the store's generic table writes. */
@BothStores
class LibraryAndEditorialStoreTest {
  private final CatalogStore store;

  LibraryAndEditorialStoreTest(CatalogStore store) {
    this.store = store;
  }

  @Test
  void usersPlaylistsAndReviewsRoundTripIdempotently() {
    store.write(
        new CatalogBatch(
            List.of(artist(7001, "Playlist Artist")),
            List.of(),
            List.of(bareTrack(7101, 7001), bareTrack(7102, 7001), bareTrack(7103, 7001))));
    User user =
        User.builder()
            .id(7201)
            .name("ana")
            .dispname("Ana M.")
            .email("ana@example.org")
            .lang("pt")
            .creationDate(LocalDate.of(2020, 2, 29))
            .build();
    Playlist playlist =
        new Playlist(
            7301,
            null,
            "Road trip",
            7201L,
            LocalDate.of(2021, 1, 2),
            true,
            List.of(7103L, 7101L, 7103L));
    Review review =
        new Review(
            7401,
            "track",
            7102,
            7201L,
            "Great",
            "<p>Loved it</p>",
            4.5,
            "en",
            LocalDate.of(2022, 3, 4),
            3);
    Review unscored = new Review(7402, "album", 99, null, "Hmm", null, null, null, null, 0);

    assertThat(store.write(LibraryTables.USERS, List.of(user)).created()).isEqualTo(1);
    assertThat(store.write(LibraryTables.PLAYLISTS, List.of(playlist)).created()).isEqualTo(1);
    assertThat(store.write(LibraryTables.REVIEWS, List.of(review, unscored)).created())
        .isEqualTo(2);

    User readUser = store.read(LibraryTables.USERS, List.of(7201L)).get(0);
    assertThat(readUser.uuid()).isNotNull();
    assertThat(readUser).usingRecursiveComparison().ignoringFields("uuid").isEqualTo(user);
    Playlist readPlaylist = store.read(LibraryTables.PLAYLISTS, List.of(7301L)).get(0);
    assertThat(readPlaylist.trackIds()).containsExactly(7103L, 7101L, 7103L);
    assertThat(readPlaylist.userId()).isEqualTo(7201L);
    assertThat(store.read(LibraryTables.REVIEWS, List.of(7402L, 7401L)))
        .containsExactly(unscored, review);

    // writing the same again changes nothing; a changed playlist replaces its track rows
    WriteCounts again = store.write(LibraryTables.PLAYLISTS, List.of(readPlaylist));
    assertThat(again.unchanged()).isEqualTo(1);
    Playlist reordered =
        new Playlist(
            7301, null, "Road trip", 7201L, LocalDate.of(2021, 1, 2), true, List.of(7102L));
    assertThat(store.write(LibraryTables.PLAYLISTS, List.of(reordered)).updated()).isEqualTo(1);
    Playlist after = store.read(LibraryTables.PLAYLISTS, List.of(7301L)).get(0);
    assertThat(after.trackIds()).containsExactly(7102L);
    assertThat(after.uuid()).isEqualTo(readPlaylist.uuid());
  }

  @Test
  void radiosAndFeedsRoundTrip() {
    Radio radio =
        new Radio(
            7501,
            "chill",
            "Chill Out",
            "www",
            "http://img/chill.jpg",
            List.of("chillout", "lounge"));
    Feed feed =
        new Feed(
            7601,
            "album",
            Map.of("en", "New album", "fr", "Nouvel album"),
            Map.of("en", "<b>Out now</b>"),
            Map.of(),
            "https://example.org/a/1",
            2,
            List.of("en", "fr"),
            LocalDateTime.of(2024, 5, 1, 0, 0),
            LocalDateTime.of(2024, 6, 1, 23, 59, 59),
            "album",
            42L,
            null);
    assertThat(store.write(EditorialTables.RADIOS, List.of(radio)).created()).isEqualTo(1);
    assertThat(store.write(EditorialTables.FEEDS, List.of(feed)).created()).isEqualTo(1);
    assertThat(store.read(EditorialTables.RADIOS, List.of(7501L))).containsExactly(radio);
    assertThat(store.read(EditorialTables.FEEDS, List.of(7601L))).containsExactly(feed);
    assertThat(store.write(EditorialTables.FEEDS, List.of(feed)).unchanged()).isEqualTo(1);
  }
}

package dev.stave.subsonic;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.bareTrack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.access.Accounts;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.subsonic.auth.SubsonicCredentials;
import dev.stave.subsonic.browse.LibraryPages;
import dev.stave.subsonic.library.PlayerState;
import dev.stave.testsupport.BothStores;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the Subsonic dialect stores, on SQLite and PostgreSQL: credentials sealed at rest (the
 * stored row holds neither the password nor the API key), revocation, ratings, play queues, recent
 * albums, and the core writes it relies on (a listen counted, a playlist deleted).
 */
@BothStores
class SubsonicStorageTest {
  private final Accounts accounts;
  private final SubsonicCredentials credentials;
  private final PlayerState state;
  private final CatalogStore store;
  private final LibraryStore library;
  private final JdbcTemplate jdbc;

  SubsonicStorageTest(
      Accounts accounts,
      SubsonicCredentials credentials,
      PlayerState state,
      CatalogStore store,
      LibraryStore library,
      JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.state = state;
    this.store = store;
    this.library = library;
    this.jdbc = jdbc;
  }

  @Test
  void credentialsAreSealedRevocableAndFoundByKey() {
    long user = accounts.create("sealed", "sealed@example.org", "login-password-1").id();
    assertThat(credentials.password(user)).isEmpty();
    String password = credentials.newPassword(user);
    String key = credentials.newApiKey(user);
    assertThat(credentials.password(user)).contains(password);
    assertThat(credentials.userOfApiKey(key)).contains(user);
    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM subsonic_credentials WHERE user_id = ?", user);
    assertThat(row.values().toString()).doesNotContain(password).doesNotContain(key);
    // a sealed password moved to another account does not open
    long other = accounts.create("other", "other@example.org", "login-password-2").id();
    credentials.newPassword(other);
    jdbc.update(
        "UPDATE subsonic_credentials SET password_sealed = ? WHERE user_id = ?",
        row.get("password_sealed"),
        other);
    assertThatThrownBy(() -> credentials.password(other)).isInstanceOf(IllegalStateException.class);
    // a new password replaces the old; revoking removes only what it names
    String second = credentials.newPassword(user);
    assertThat(second).isNotEqualTo(password);
    assertThat(credentials.password(user)).contains(second);
    assertThat(credentials.revokeApiKey(user)).isTrue();
    assertThat(credentials.revokeApiKey(user)).isFalse();
    assertThat(credentials.userOfApiKey(key)).isEmpty();
    assertThat(credentials.password(user)).contains(second);
    assertThat(credentials.status(user).passwordSetAt()).isNotNull();
    assertThat(credentials.status(user).apiKeySetAt()).isNull();
    assertThat(credentials.revokePassword(user)).isTrue();
    assertThat(credentials.password(user)).isEmpty();
  }

  @Test
  void ratingsPlayQueuesAndRecentAlbums() {
    state.rate(7, PlayerState.Kind.ALBUM, 10, 3);
    state.rate(7, PlayerState.Kind.ALBUM, 11, 5);
    state.rate(7, PlayerState.Kind.ALBUM, 10, 4);
    assertThat(state.highestRated(7, PlayerState.Kind.ALBUM, 0, 10)).containsExactly(11L, 10L);
    assertThat(state.ratings(7, PlayerState.Kind.ALBUM, List.of(10L, 11L, 12L)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(10L, 4, 11L, 5));
    state.rate(7, PlayerState.Kind.ALBUM, 11, 0);
    assertThat(state.highestRated(7, PlayerState.Kind.ALBUM, 0, 10)).containsExactly(10L);

    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    state.savePlayQueue(7, new PlayerState.PlayQueue(List.of(3L, 1L, 2L), 1L, 1500, t, "DSub"));
    state.savePlayQueue(7, new PlayerState.PlayQueue(List.of(3L, 1L), 3L, 20, t, "Feishin"));
    PlayerState.PlayQueue q = state.playQueue(7).orElseThrow();
    assertThat(q.trackIds()).containsExactly(3L, 1L);
    assertThat(q.currentId()).isEqualTo(3L);
    assertThat(q.positionMs()).isEqualTo(20);
    assertThat(q.changed()).isEqualTo(t);
    assertThat(q.changedBy()).isEqualTo("Feishin");
    assertThat(state.playQueue(8)).isEmpty();

    state.played(7, 10, t);
    state.played(7, 11, t.plusSeconds(60));
    state.played(7, 10, t.plusSeconds(120));
    assertThat(state.recentAlbums(7, 0, 10)).containsExactly(10L, 11L);
    assertThat(state.recentAlbums(7, 1, 10)).containsExactly(11L);
  }

  /**
   * The library sync's deep pages (the empty search3) come from ids kept in memory: the same pages
   * as the table's, and a track added later is seen (an edit of a known one changes nothing).
   */
  @Test
  void librarySyncPagesAreTheTablesAndFollowNewTracks() {
    store.write(
        new CatalogBatch(
            List.of(artist(920, "Sync")),
            List.of(),
            List.of(bareTrack(9201, 920), bareTrack(9203, 920), bareTrack(9205, 920))));
    LibraryPages pages = new LibraryPages(store, 0); // every page from the directory
    int total = (int) store.count(CatalogStore.TRACKS);
    int step = Math.max(2, total / 50);
    for (int offset = 0; offset <= total; offset += step) {
      assertThat(pages.page(CatalogStore.TRACKS, offset, step))
          .as("offset " + offset)
          .isEqualTo(store.idPage(CatalogStore.TRACKS, offset, step));
    }
    assertThat(store.countListen(9203)).isTrue();
    store.write(new CatalogBatch(List.of(), List.of(), List.of(bareTrack(9204, 920))));
    assertThat(pages.page(CatalogStore.TRACKS, 0, total + 1))
        .contains(9204L)
        .isEqualTo(store.idPage(CatalogStore.TRACKS, 0, total + 1));
    assertThat(pages.page(CatalogStore.TRACKS, total + 5, 10)).isEmpty();
  }

  @Test
  void aListenIsCountedAndAPlaylistDeleted() {
    ReleaseDate d = ReleaseDate.parse("2020-01-01");
    store.write(
        new CatalogBatch(
            List.of(artist(901, "Ana")),
            List.of(album(910, List.of(901L), d)),
            List.of(bareTrack(9100, 901))));
    long before = store.findTracks(List.of(9100L)).getFirst().stats().listensTotal();
    long seq = store.lastChangeSeq();
    assertThat(store.countListen(9100)).isTrue();
    assertThat(store.countListen(9100)).isTrue();
    assertThat(store.countListen(987654321)).isFalse();
    assertThat(store.findTracks(List.of(9100L)).getFirst().stats().listensTotal())
        .isEqualTo(before + 2);
    assertThat(store.lastChangeSeq()).as("the index hears of it").isGreaterThan(seq);

    long id = store.allocateIds("playlists", 1);
    store.write(
        LibraryTables.PLAYLISTS,
        List.of(new Playlist(id, null, "Road", null, LocalDate.now(), true, List.of(9100L))));
    assertThat(library.playlists(List.of(id))).hasSize(1);
    assertThat(library.deletePlaylist(id)).isTrue();
    assertThat(library.deletePlaylist(id)).isFalse();
    assertThat(library.playlists(List.of(id))).isEmpty();
  }
}

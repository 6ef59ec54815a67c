package dev.stave.jamendo;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.copy;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.renamed;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.library.Relation;
import dev.stave.library.Review;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import dev.stave.search.SearchIndex;
import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The Jamendo methods that render tracks, albums and artists through the entity cache besides
 * {@code tracks} (issue 15: playlists' tracks, users' albums and artists, album reviews, the tracks
 * nested in {@code albums/tracks} and {@code artists/tracks}) show a write in the very next
 * request, every one of them having rendered — so cached — the entities before the write. Over
 * HTTP, on SQLite and on PostgreSQL.
 */
class CachedLibraryReadsTest {
  private static final LocalDateTime T1 = LocalDateTime.of(2021, 1, 2, 3, 4, 5);

  @TempDir Path dir;

  @Test
  void sqliteShowsEveryWriteInTheNextRequest() throws Exception {
    nextRequestShowsTheWrite(TestDatabases.sqlite(dir));
  }

  @Test
  void postgresShowsEveryWriteInTheNextRequest() throws Exception {
    TestDatabase db = TestDatabases.postgres(dir);
    try {
      nextRequestShowsTheWrite(db);
    } finally {
      TestDatabases.drop(db);
    }
  }

  private static void nextRequestShowsTheWrite(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext ctx =
        StaveTestContexts.startServer(db, "--stave.public-url=https://music.example")) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      Track track = track(100, 10L, List.of(1L), features());
      Album album = album(10, List.of(1L), ReleaseDate.parse("2020-01-01"));
      store.write(new CatalogBatch(List.of(artist(1, "Before")), List.of(album), List.of(track)));
      store.write(
          LibraryTables.USERS,
          List.of(
              User.builder()
                  .id(1)
                  .name("ana")
                  .lang("pt")
                  .creationDate(LocalDate.of(2020, 2, 29))
                  .build()));
      ctx.getBean(LibraryStore.class)
          .write(
              List.of(
                  new UserRelation(1, Relation.FAN, 1, T1),
                  new UserRelation(1, Relation.MYALBUM, 10, T1)));
      store.write(
          LibraryTables.REVIEWS,
          List.of(
              new Review(
                  701, "album", 10, 1L, "Nice", "Good", 4.0, "en", LocalDate.of(2022, 1, 1), 2)));
      store.write(
          LibraryTables.PLAYLISTS,
          List.of(
              new Playlist(501, null, "Road", 1L, LocalDate.of(2021, 5, 1), true, List.of(100L))));
      ctx.getBean(SearchIndex.class).catchUp();
      Rendered http =
          new Rendered(
              new JamendoHttp(StaveTestContexts.port(ctx)),
              ctx.getBean(AppRegistry.class).create("cached reads").clientId());

      assertThat(http.names()).containsOnly(track.name(), album.name(), "Before");

      // One write renames the track, its album and its artist; no index catch-up is waited for.
      store.write(
          new CatalogBatch(
              List.of(artist(1, "After")),
              List.of(renamed(album, "Renamed album")),
              List.of(copy(track, 100, "Renamed track", 10L, 1, true))));

      assertThat(http.names()).containsOnly("Renamed track", "Renamed album", "After");
    }
  }

  /** Calls the cached methods and collects the names they render. */
  private record Rendered(JamendoHttp http, String clientId) {
    List<String> names() throws Exception {
      JsonNode playlistTrack = result("playlists/tracks", "&id=501").get("tracks").get(0);
      JsonNode myAlbum = result("users/albums", "&id=1").get("albums").get(0);
      JsonNode fanOf = result("users/artists", "&id=1").get("artists").get(0);
      JsonNode review = result("reviews/albums", "&album_id=10");
      JsonNode albumWithTracks = result("albums/tracks", "&id=10");
      JsonNode artistTrack = result("artists/tracks", "&id=1").get("tracks").get(0);
      return List.of(
          playlistTrack.get("name").asString(),
          playlistTrack.get("artist_name").asString(),
          myAlbum.get("name").asString(),
          myAlbum.get("artist_name").asString(),
          fanOf.get("name").asString(),
          review.get("album_name").asString(),
          albumWithTracks.get("name").asString(),
          albumWithTracks.get("tracks").get(0).get("name").asString(),
          artistTrack.get("name").asString(),
          artistTrack.get("album_name").asString());
    }

    private JsonNode result(String method, String query) throws Exception {
      JsonNode results = http.method(method, clientId, query).get("results");
      assertThat(results).as(method + query).isNotEmpty();
      return results.get(0);
    }
  }
}

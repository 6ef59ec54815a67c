package dev.stave;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.copy;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.renamed;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.Accounts;
import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.subsonic.auth.SubsonicCredentials;
import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Subsonic dialect and the web face read tracks, albums and artists through the entity cache
 * (issue 15), as the Jamendo and ReccoBeats dialects do, and still show a write in the very next
 * request, each having rendered — so cached — the entities before the write: Subsonic's {@code
 * getAlbum} and the explorer's album page. Over HTTP, on SQLite and on PostgreSQL.
 */
class FacesShowAWriteInTheNextRequestTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void theNextRequestShowsAWrite(StoreKind kind) throws Exception {
    TestDatabase db = TestDatabases.create(kind, dir);
    try {
      nextRequestShowsTheWrite(db);
    } finally {
      TestDatabases.drop(db);
    }
  }

  private static void nextRequestShowsTheWrite(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext ctx = StaveTestContexts.startServer(db)) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      Track track = track(100, 10L, List.of(1L), features());
      Album album = album(10, List.of(1L), ReleaseDate.parse("2020-01-01"));
      store.write(
          new CatalogBatch(List.of(artist(1, "Artist before")), List.of(album), List.of(track)));
      long user =
          ctx.getBean(Accounts.class).create("reader", "reader@example.org", "pw-12345678").id();
      String apiKey = ctx.getBean(SubsonicCredentials.class).newApiKey(user);
      Pages pages = new Pages(StaveTestContexts.port(ctx), apiKey);

      for (String page : pages.both()) {
        assertThat(page).contains(track.name(), album.name(), "Artist before");
      }

      // One write renames the track, its album and its artist.
      store.write(
          new CatalogBatch(
              List.of(artist(1, "Artist after")),
              List.of(renamed(album, "Album after")),
              List.of(copy(track, 100, "Track after", 10L, 1, true))));

      for (String page : pages.both()) {
        assertThat(page)
            .contains("Track after", "Album after", "Artist after")
            .doesNotContain(track.name(), album.name(), "Artist before");
      }
    }
  }

  /** Subsonic's {@code getAlbum} (JSON) and the explorer's album page (HTML) of album 10. */
  private record Pages(int port, String apiKey) {
    List<String> both() throws Exception {
      return List.of(
          get("/rest/getAlbum?id=al-10&apiKey=" + apiKey + "&v=1.16.1&c=test&f=json"),
          get("/albums/10"));
    }

    private String get(String path) throws Exception {
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
      }
    }
  }
}

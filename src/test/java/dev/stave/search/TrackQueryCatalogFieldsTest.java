package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.testsupport.TestStores;
import dev.stave.testsupport.TestStores.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Singles vs album tracks, several lyric languages, Content-ID and album/artist-name sorts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackQueryCatalogFieldsTest {
  private TestStore db;
  private SearchIndex index;
  private CatalogSearch search;

  private static Track track(
      long id, String name, Long albumId, long artistId, String lang, boolean contentIdFree) {
    return new Track(
        id,
        null,
        name,
        albumId,
        albumId == null ? null : 1,
        null,
        180_000,
        null,
        null,
        new MusicInfo(null, lang, null, null, null),
        null,
        null,
        0,
        null,
        new TrackFlags(true, contentIdFree, false, false),
        null,
        null,
        List.of(artistId),
        null);
  }

  private static Album album(long id, String name, long artistId) {
    return new Album(
        id,
        null,
        name,
        List.of(artistId),
        null,
        null,
        null,
        null,
        null,
        null,
        true,
        null,
        0,
        null,
        null);
  }

  @BeforeAll
  void load(@TempDir Path dir) {
    db = TestStores.sqlite(dir);
    db.store()
        .write(
            new CatalogBatch(
                List.of(Artist.named(1, "Zélia"), Artist.named(2, "alma"), Artist.named(3, "Mono")),
                List.of(album(10, "Berlin", 1), album(11, "alpha", 2)),
                List.of(
                    track(100, "One", 10L, 1, "pt", true),
                    track(101, "Two", 11L, 2, "fr", false),
                    track(102, "Three", null, 3, "en", false),
                    track(103, "Four", null, 1, null, true))));
    index = new SearchIndex(db.store(), db.properties(), false);
    index.open();
    search = new CatalogSearch(index);
  }

  @AfterAll
  void close() {
    index.close();
    db.close();
  }

  private List<Long> ids(TrackQuery.Builder q) {
    return search.tracks(q.build()).ids();
  }

  @Test
  void singlesHaveNoAlbum() {
    assertThat(ids(TrackQuery.builder().single(true))).containsExactly(102L, 103L);
    assertThat(ids(TrackQuery.builder().single(false))).containsExactly(100L, 101L);
    assertThat(ids(TrackQuery.builder())).hasSize(4);
  }

  @Test
  void anyOfSeveralLanguages() {
    assertThat(ids(TrackQuery.builder().langs(List.of("pt", "en")))).containsExactly(100L, 102L);
    assertThat(ids(TrackQuery.builder().lang("fr"))).containsExactly(101L);
  }

  @Test
  void contentIdFree() {
    assertThat(ids(TrackQuery.builder().contentIdFree(true))).containsExactly(100L, 103L);
    assertThat(ids(TrackQuery.builder().contentIdFree(false))).containsExactly(101L, 102L);
  }

  @Test
  void sortsByAlbumAndPrimaryArtistNameIgnoringCaseAndAccents() {
    assertThat(ids(TrackQuery.builder().single(false).sortBy(TrackSort.ALBUM_NAME, false)))
        .containsExactly(101L, 100L); // alpha, Berlin
    assertThat(ids(TrackQuery.builder().sortBy(TrackSort.ARTIST_NAME, false)))
        .containsExactly(101L, 102L, 100L, 103L); // alma, Mono, Zélia (twice, then by id)
    assertThat(ids(TrackQuery.builder().sortBy(TrackSort.ARTIST_NAME, true)))
        .containsExactly(100L, 103L, 102L, 101L);
  }
}

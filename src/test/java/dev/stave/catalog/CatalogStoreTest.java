package dev.stave.catalog;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.bareTrack;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.BothStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CatalogStore on SQLite and PostgreSQL. The store is shared by the tests of one run, so each test
 * works on its own id range.
 */
@BothStores
class CatalogStoreTest {
  private final CatalogStore store;
  private final JdbcTemplate jdbc;

  CatalogStoreTest(CatalogStore store, JdbcTemplate jdbc) {
    this.store = store;
    this.jdbc = jdbc;
  }

  private static CatalogBatch batch(List<Artist> artists, List<Album> albums, List<Track> tracks) {
    return new CatalogBatch(artists, albums, tracks);
  }

  @Test
  void roundTripsEveryField() {
    Artist a1 = artist(1001, "Ünïcode Artist");
    Artist a2 = artist(1002, "Second");
    Artist a3 = artist(1003, "Third");
    Album year = album(1101, List.of(1002L, 1001L), ReleaseDate.parse("1999"));
    Album month = album(1102, List.of(1001L), ReleaseDate.parse("2004-07"));
    Album day = album(1103, List.of(1001L), ReleaseDate.parse("2019-05-17T10:00:00Z"));
    Album undated = album(1104, List.of(1003L), null);
    Track full = track(1201, 1101L, List.of(1003L, 1001L, 1002L), features());
    Track noFeatures = track(1202, null, List.of(1001L), AudioFeatures.NONE);
    Track partial =
        track(
            1203,
            1102L,
            List.of(1002L),
            new AudioFeatures(null, 0.5, null, null, -1, null, null, 1, null, null, null));
    Track bare = bareTrack(1204, 1003);

    WriteCounts counts =
        store.write(
            batch(
                List.of(a1, a2, a3),
                List.of(year, month, day, undated),
                List.of(full, noFeatures, partial, bare)));

    assertThat(counts).isEqualTo(new WriteCounts(11, 0, 0));
    assertStoredAsWritten(store.findArtists(List.of(1001L, 1002L, 1003L)), List.of(a1, a2, a3));
    assertStoredAsWritten(
        store.findAlbums(List.of(1101L, 1102L, 1103L, 1104L)), List.of(year, month, day, undated));
    assertStoredAsWritten(
        store.findTracks(List.of(1201L, 1202L, 1203L, 1204L)),
        List.of(full, noFeatures, partial, bare));

    Track read = store.findTracks(List.of(1201L)).get(0);
    assertThat(read.artistIds()).containsExactly(1003L, 1001L, 1002L);
    assertThat(read.features().key()).isZero();
    assertThat(read.features().energy()).isZero();
    assertThat(store.findTracks(List.of(1202L)).get(0).features().isEmpty()).isTrue();
    assertThat(store.findTracks(List.of(1204L)).get(0).stats().avgNote()).isNull();
    assertThat(store.findAlbums(List.of(1101L, 1102L, 1103L)))
        .extracting(a -> a.releaseDate().asText())
        .containsExactly("1999", "2004-07", "2019-05-17");
    assertThat(store.findArtists(List.of(1001L)).get(0).locations().get(1).latitude()).isNull();
  }

  /**
   * Compares everything but the uuid (issued by the store) and the order of tags, which are sets in
   * the schema: the store returns them sorted, the same way on every database.
   */
  private static <T> void assertStoredAsWritten(List<T> stored, List<T> written) {
    assertThat(stored).hasSameSizeAs(written);
    for (int i = 0; i < written.size(); i++) {
      assertThat(stored.get(i))
          .usingRecursiveComparison()
          .ignoringFields("uuid")
          .ignoringCollectionOrderInFields("tags")
          .isEqualTo(written.get(i));
    }
    assertThat(stored)
        .allSatisfy(
            e -> {
              List<?> tags =
                  switch (e) {
                    case Track t -> t.tags();
                    case Album a -> a.tags();
                    default -> List.of();
                  };
              assertThat(tags.stream().map(Object::toString).toList()).isSorted();
            });
  }

  @Test
  void rewritingIdenticalEntitiesReportsUnchangedAndLogsNothing() {
    CatalogBatch b =
        batch(
            List.of(artist(2001, "A")),
            List.of(album(2101, List.of(2001L), ReleaseDate.parse("2020"))),
            List.of(track(2201, 2101L, List.of(2001L), features())));
    store.write(b);
    long seq = store.lastChangeSeq();

    assertThat(store.write(b)).isEqualTo(new WriteCounts(0, 0, 3));
    assertThat(store.changesAfter(seq, 100)).isEmpty();
  }

  @Test
  void writingBackWhatWasReadReportsUnchanged() {
    store.write(
        batch(
            List.of(artist(2501, "Reader")),
            List.of(album(2601, List.of(2501L), ReleaseDate.parse("2020-02"))),
            List.of(track(2701, 2601L, List.of(2501L), features()))));
    long seq = store.lastChangeSeq();

    WriteCounts counts =
        store.write(
            batch(
                store.findArtists(List.of(2501L)),
                store.findAlbums(List.of(2601L)),
                store.findTracks(List.of(2701L))));

    assertThat(counts).isEqualTo(new WriteCounts(0, 0, 3));
    assertThat(store.changesAfter(seq, 100)).isEmpty();
  }

  @Test
  void tagOrderIsNotAChange() {
    Album album = album(2801, List.of(2802L), null);
    store.write(batch(List.of(artist(2802, "Tags")), List.of(album), List.of()));
    List<String> reversed = new ArrayList<>(album.tags());
    java.util.Collections.reverse(reversed);
    Album reordered =
        new Album(
            album.id(),
            null,
            album.name(),
            album.artistIds(),
            album.releaseDate(),
            album.label(),
            album.albumType(),
            album.upc(),
            album.ean(),
            album.image(),
            album.zipAllowed(),
            album.externalIds(),
            album.popularity(),
            album.descriptions(),
            reversed);

    assertThat(store.write(batch(List.of(), List.of(reordered), List.of())))
        .isEqualTo(new WriteCounts(0, 0, 1));
  }

  @Test
  void changedEntityIsUpdatedAndItsRelationRowsReplaced() {
    store.write(
        batch(
            List.of(artist(3001, "One"), artist(3002, "Two"), artist(3003, "Three")),
            List.of(album(3101, List.of(3001L, 3002L), ReleaseDate.parse("2001-01-01"))),
            List.of(track(3201, 3101L, List.of(3001L, 3002L), features()))));
    long seq = store.lastChangeSeq();
    Album oldAlbum = store.findAlbums(List.of(3101L)).get(0);
    Track oldTrack = store.findTracks(List.of(3201L)).get(0);

    Album newAlbum =
        Album.builder()
            .id(3101)
            .name("Renamed")
            .artistIds(List.of(3003L))
            .releaseDate(ReleaseDate.parse("2002"))
            .albumType("single")
            .popularity(0.1)
            .descriptions(Map.of("de", "Neu"))
            .tags(List.of("jazz"))
            .build();
    Track newTrack =
        Track.builder()
            .id(3201)
            .name("Renamed track")
            .durationMs(1)
            .features(AudioFeatures.NONE)
            .artistIds(List.of(3003L))
            .tags(List.of(new Tag(Tag.MOOD, "calm")))
            .build();
    WriteCounts counts = store.write(batch(List.of(), List.of(newAlbum), List.of(newTrack)));

    assertThat(counts).isEqualTo(new WriteCounts(0, 2, 0));
    Album album = store.findAlbums(List.of(3101L)).get(0);
    assertThat(album).usingRecursiveComparison().ignoringFields("uuid").isEqualTo(newAlbum);
    assertThat(album.uuid()).isEqualTo(oldAlbum.uuid());
    Track track = store.findTracks(List.of(3201L)).get(0);
    assertThat(track).usingRecursiveComparison().ignoringFields("uuid").isEqualTo(newTrack);
    assertThat(track.uuid()).isEqualTo(oldTrack.uuid());
    assertThat(rows("album_artists", "album_id", 3101)).isEqualTo(1);
    assertThat(rows("album_tags", "album_id", 3101)).isEqualTo(1);
    assertThat(rows("album_descriptions", "album_id", 3101)).isEqualTo(1);
    assertThat(rows("track_artists", "track_id", 3201)).isEqualTo(1);
    assertThat(rows("track_tags", "track_id", 3201)).isEqualTo(1);
    assertThat(store.changesAfter(seq, 100))
        .extracting(Change::kind, Change::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("album", 3101L),
            org.assertj.core.groups.Tuple.tuple("track", 3201L));
  }

  private long rows(String table, String parent, long id) {
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM " + table + " WHERE " + parent + " = ?", Long.class, id);
    return n == null ? 0 : n;
  }

  @Test
  void uuidIsIssuedOnceAndNeverChanges() {
    UUID given = UUID.fromString("6f1c1f8e-3b1a-4d3e-9a4c-2b8f1e0d9c7a");
    Artist withUuid = Artist.builder().id(4001).uuid(given).name("Has uuid").build();
    store.write(batch(List.of(withUuid, Artist.named(4002, "No uuid")), List.of(), List.of()));
    UUID issued = store.findArtists(List.of(4002L)).get(0).uuid();
    assertThat(issued).isNotNull();
    assertThat(store.findArtists(List.of(4001L)).get(0).uuid()).isEqualTo(given);

    // A changed entity arriving with another (or no) uuid keeps the stored one.
    Artist otherUuid = Artist.builder().id(4001).uuid(UUID.randomUUID()).name("Renamed").build();
    store.write(batch(List.of(otherUuid, Artist.named(4002, "Renamed too")), List.of(), List.of()));

    assertThat(store.findArtists(List.of(4001L, 4002L)))
        .extracting(Artist::name, Artist::uuid)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Renamed", given),
            org.assertj.core.groups.Tuple.tuple("Renamed too", issued));
  }

  /**
   * Issued uuids are version 7 and ascend in the order of creation, within a batch and across
   * batches, so an import appends to each table's uuid index.
   */
  @Test
  void issuedUuidsAreTimeOrdered() {
    store.write(
        batch(
            List.of(Artist.named(4101, "First"), Artist.named(4102, "Second")),
            List.of(),
            List.of()));
    store.write(batch(List.of(Artist.named(4103, "Third")), List.of(), List.of()));

    List<UUID> issued =
        store.findArtists(List.of(4101L, 4102L, 4103L)).stream().map(Artist::uuid).toList();
    assertThat(issued).extracting(UUID::version).containsOnly(7);
    assertThat(issued.stream().map(UUID::toString).toList()).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void changeLogRecordsCreatedAndUpdatedEntitiesOnly() {
    long seq = store.lastChangeSeq();
    store.write(
        batch(
            List.of(artist(5001, "Logged"), artist(5002, "Also logged")),
            List.of(),
            List.of(bareTrack(5201, 5001))));
    List<Change> created = store.changesAfter(seq, 100);
    assertThat(created)
        .extracting(Change::kind, Change::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("artist", 5001L),
            org.assertj.core.groups.Tuple.tuple("artist", 5002L),
            org.assertj.core.groups.Tuple.tuple("track", 5201L));
    assertThat(created).extracting(Change::seq).isSorted().doesNotHaveDuplicates();
    assertThat(store.lastChangeSeq()).isEqualTo(created.get(2).seq());

    long afterCreate = store.lastChangeSeq();
    store.write(
        batch(
            List.of(artist(5001, "Logged"), artist(5002, "Renamed")),
            List.of(),
            List.of(bareTrack(5201, 5001))));
    assertThat(store.changesAfter(afterCreate, 100))
        .extracting(Change::kind, Change::id)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("artist", 5002L));
    assertThat(store.changesAfter(seq, 2)).hasSize(2);
  }

  @Test
  void allocatesConsecutiveIdsAfterTheHighestStored() {
    jdbc.update(
        "INSERT INTO users (id, uuid, name, content_hash) VALUES (?, ?, ?, ?)",
        41L,
        UUID.randomUUID().toString(),
        "alloc",
        0L);
    assertThat(store.allocateIds("users", 3)).isEqualTo(42);
    assertThat(store.allocateIds("users", 2)).isEqualTo(45);
    assertThat(store.allocateIds("playlists", 10)).isEqualTo(1);
    assertThat(store.allocateIds("playlists", 1)).isEqualTo(11);
  }

  @Test
  void looksUpBySpotifyIdAndName() {
    store.write(
        batch(
            List.of(artist(6001, "Homonym"), artist(6000, "Homonym"), artist(6002, "Unique")),
            List.of(album(6101, List.of(6002L), null)),
            List.of(track(6201, 6101L, List.of(6002L, 6001L), AudioFeatures.NONE))));

    assertThat(store.idsBySpotifyId("tracks", List.of("spT6201", "missing", "spT6201")))
        .isEqualTo(Map.of("spT6201", 6201L));
    assertThat(store.idsBySpotifyId("albums", List.of("spB6101")))
        .isEqualTo(Map.of("spB6101", 6101L));
    assertThat(store.idsBySpotifyId("artists", List.of("spA6000", "spA6002")))
        .isEqualTo(Map.of("spA6000", 6000L, "spA6002", 6002L));
    assertThat(store.artistIdsByName(List.of("Homonym", "Unique", "Nobody")))
        .isEqualTo(Map.of("Homonym", 6000L, "Unique", 6002L));
    assertThat(store.albumIdByArtistAndName(6002, "Album 6101")).isEqualTo(6101L);
    assertThat(store.albumIdByArtistAndName(6001, "Album 6101")).isNull();
    assertThat(store.trackIdsOfAlbums(List.of(6101L))).containsExactly(6201L);
    assertThat(store.trackIdsOfArtists(List.of(6001L, 6002L))).containsExactly(6201L);
  }

  @Test
  void pagesThroughEveryTrackInIdOrder() {
    List<Track> tracks = new ArrayList<>();
    store.write(batch(List.of(artist(7001, "Pager")), List.of(), List.of()));
    for (long id = 7200; id < 7225; id++) {
      tracks.add(bareTrack(id, 7001));
    }
    store.write(batch(List.of(), List.of(), tracks));

    List<Long> seen = new ArrayList<>();
    store.forEachTrackPage(7, page -> page.forEach(t -> seen.add(t.id())));

    assertThat(seen)
        .isSorted()
        .doesNotHaveDuplicates()
        .containsAll(tracks.stream().map(Track::id).toList());
    assertThat(seen).hasSize((int) store.count("tracks"));
  }
}

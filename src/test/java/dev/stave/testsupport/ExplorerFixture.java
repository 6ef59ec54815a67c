package dev.stave.testsupport;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogFixtures;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.library.User;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the explorer pages need in the shared {@link StaveSiteTest} catalog beside the demo catalog,
 * written once when it is seeded: radios (as {@code serve} creates on a fresh server), and one
 * artist with an album of {@value #TRACKS} tracks whose names hold HTML, so every page shows that
 * catalog text is escaped. The album's tracks have audio file rows (naming files that do not exist:
 * the pages only ask whether a track has audio) and the first a stored waveform, and a playlist
 * holds them, made by a user whose name holds HTML too. Everything is named "Zyx…" (a word no demo
 * name contains), so searches for it find only this.
 */
public final class ExplorerFixture {
  public static final long ARTIST_ID = 990_000_001L;
  public static final long ALBUM_ID = 990_000_001L;
  public static final long FIRST_TRACK_ID = 990_000_001L;
  public static final long PLAYLIST_ID = 990_000_001L;
  public static final long USER_ID = 990_000_001L;
  public static final int TRACKS = 3;

  public static final String ARTIST_NAME = "Zyx <script>alert('artist')</script> & \"Band\"";
  public static final String ALBUM_NAME = "Zyx <b>Harbour</b> <img src=x onerror=alert(1)>";
  public static final String TRACK_NAME = "Zyx </title><script>alert(1)</script> Song";
  public static final String PLAYLIST_NAME = "<i>Zyx</i> mix & \"more\"";
  public static final String USER_NAME = "<u>Zyx</u> listener";

  /** The first track's waveform: a ramp up and down, loudest (100) in the middle. */
  public static final String PEAKS =
      IntStream.range(0, 960)
          .map(i -> 100 - Math.abs(480 - i) * 100 / 480)
          .mapToObj(Integer::toString)
          .collect(Collectors.joining(",", "{\"peaks\":[", "]}"));

  static final List<Radio> RADIOS =
      List.of(
          new Radio(1, "bestof", "Best Of", "www", null, List.of()),
          new Radio(2, "rock", "Rock", "www", null, List.of("rock", "punkrock", "hardrock")),
          new Radio(3, "zyx", "Zyx <em>Radio</em>", "www", null, List.of("zyxnothing")));

  private ExplorerFixture() {}

  public static long trackId(int index) {
    return FIRST_TRACK_ID + index;
  }

  /** Writes the fixture (idempotent: every write is an upsert by id). */
  static void write(CatalogStore catalog, AudioFileStore files, AudioAvailability availability) {
    catalog.write(EditorialTables.RADIOS, RADIOS);
    Artist fixtureArtist = CatalogFixtures.artist(ARTIST_ID, ARTIST_NAME);
    Album fixtureAlbum =
        CatalogFixtures.album(ALBUM_ID, List.of(ARTIST_ID), ReleaseDate.parse("2021-04-02"));
    Album album =
        Album.builder()
            .id(ALBUM_ID)
            .name(ALBUM_NAME)
            .artistIds(fixtureAlbum.artistIds())
            .releaseDate(fixtureAlbum.releaseDate())
            .label(fixtureAlbum.label())
            .externalIds(fixtureAlbum.externalIds())
            .popularity(fixtureAlbum.popularity())
            .descriptions(fixtureAlbum.descriptions())
            .tags(fixtureAlbum.tags())
            .build();
    Track model =
        CatalogFixtures.track(
            FIRST_TRACK_ID, ALBUM_ID, List.of(ARTIST_ID), CatalogFixtures.features());
    List<Track> tracks =
        IntStream.range(0, TRACKS)
            .mapToObj(
                i ->
                    CatalogFixtures.copy(
                        model,
                        trackId(i),
                        i == 0 ? TRACK_NAME : "Zyx track " + (i + 1),
                        ALBUM_ID,
                        i + 1,
                        true))
            .toList();
    catalog.write(new CatalogBatch(List.of(fixtureArtist), List.of(album), tracks));
    catalog.write(
        LibraryTables.USERS,
        List.of(
            User.builder()
                .id(USER_ID)
                .name("zyx-listener")
                .dispname(USER_NAME)
                .lang("en")
                .creationDate(LocalDate.of(2020, 1, 1))
                .build()));
    catalog.write(
        LibraryTables.PLAYLISTS,
        List.of(
            new Playlist(
                PLAYLIST_ID,
                null,
                PLAYLIST_NAME,
                USER_ID,
                LocalDate.of(2022, 2, 2),
                true,
                tracks.stream().map(Track::id).toList())));
    for (Track t : tracks) {
      String hash = "zyx-fixture-" + t.id();
      files.save(
          FixtureAudio.mp3(
              Path.of("/fixture-audio/zyx-" + t.id() + ".mp3"), hash, t.id(), t.durationMs()));
    }
    files.saveWaveform("zyx-fixture-" + FIRST_TRACK_ID, PEAKS);
    availability.forget();
  }
}

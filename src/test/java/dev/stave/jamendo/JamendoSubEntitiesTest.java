package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Location;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.search.SearchIndex;
import dev.stave.testsupport.FixtureAudio;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entity/subentity methods ({@code albums/tracks}, {@code artists/tracks|albums|locations|
 * musicinfo}) and {@code tracks?xartist} over a hand-made catalog whose every answer is known,
 * including 3 albums of 150 tracks for the 400 sub-entity cap.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoSubEntitiesTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
    registry.add("stave.public-url", () -> "https://music.example");
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired AudioFileStore audioFiles;
  @Autowired AudioAvailability audioAvailability;
  @Autowired SearchIndex index;

  private final JsonMapper json = JsonMapper.builder().build();
  private String clientId;

  private static final TrackFlags DOWNLOADABLE = new TrackFlags(true, false, false, false);
  private static final TrackFlags NO_DOWNLOAD = new TrackFlags(false, false, false, false);

  private static Artist artist(long id, String name, String image, List<Location> where) {
    return new Artist(
        id,
        null,
        name,
        null,
        "https://" + name.toLowerCase(java.util.Locale.ROOT) + ".example",
        LocalDate.of(2010, 1, (int) id),
        image,
        null,
        0,
        where,
        id == 1 ? Map.of("en", "<p>Fado singer</p>") : null);
  }

  private static Album album(long id, String name, long artist, String date, List<String> tags) {
    return new Album(
        id,
        null,
        name,
        List.of(artist),
        ReleaseDate.parse(date),
        null,
        "album",
        null,
        null,
        null,
        true,
        null,
        0,
        null,
        tags);
  }

  private static Track song(
      long id,
      String name,
      Long album,
      Integer position,
      long artist,
      String date,
      TrackFlags flags,
      List<Tag> tags,
      AudioFeatures features) {
    return new Track(
        id,
        null,
        name,
        album,
        position,
        1,
        id < 1000 ? id * 1500 : 60_000,
        ReleaseDate.parse(date),
        "https://creativecommons.org/licenses/by/4.0/",
        null,
        null,
        null,
        0,
        null,
        flags,
        null,
        features,
        List.of(artist),
        tags);
  }

  private static AudioFeatures features(double energy, double tempo) {
    return new AudioFeatures(0.5, 0.5, energy, 0.1, 5, 0.1, -8.0, 1, 0.05, tempo, 0.5);
  }

  @BeforeEach
  void setUp() {
    clientId = apps.create("sub-entities test").clientId();
    List<Track> tracks = new ArrayList<>();
    tracks.add(
        song(
            100,
            "Alfama",
            10L,
            2,
            1,
            "2019-05-17",
            DOWNLOADABLE,
            List.of(new Tag(Tag.GENRE, "fado")),
            features(0.31, 101)));
    tracks.add(
        song(
            101,
            "Bairro",
            10L,
            1,
            1,
            "2019-05-17",
            NO_DOWNLOAD,
            List.of(new Tag(Tag.GENRE, "fado")),
            null));
    tracks.add(
        song(
            102,
            "Sol",
            11L,
            1,
            2,
            "2020-01-01",
            DOWNLOADABLE,
            List.of(new Tag(Tag.GENRE, "rock")),
            features(0.9, 170)));
    tracks.add(song(103, "Single Song", null, null, 2, "2021-03-03", DOWNLOADABLE, null, null));
    tracks.add(
        song(200, "Dino One", 13L, 1, 4, "2018-01-01", DOWNLOADABLE, null, features(0.3, 100)));
    tracks.add(
        song(201, "Dino Two", 13L, 2, 4, "2018-01-01", DOWNLOADABLE, null, features(0.3, 99)));
    // Cara: 3 albums x 150 tracks, for the cap of 400 nested items per response
    for (int a = 0; a < 3; a++) {
      for (int i = 0; i < 150; i++) {
        tracks.add(
            song(
                1000 + a * 150L + i,
                "Cara " + a + "-" + i,
                20L + a,
                i + 1,
                3,
                "2022-01-01",
                DOWNLOADABLE,
                null,
                null));
      }
    }
    store.write(
        new CatalogBatch(
            List.of(
                artist(
                    1,
                    "Ana",
                    "https://img.example/ana.jpg",
                    List.of(new Location("PRT", null, "Lisbon", 38.72, -9.14))),
                artist(2, "Bruno", null, List.of(new Location("ITA", null, "Milano", 45.46, 9.19))),
                artist(3, "Cara", null, null),
                artist(4, "Dino", null, null)),
            List.of(
                album(10, "Noite", 1, "2019-05-17", List.of("lisboa")),
                album(11, "Dia", 2, "2020-01-01", null),
                album(12, "Zebra", 2, "2021-06-01", null),
                album(13, "Dino Album", 4, "2018-01-01", null),
                album(20, "Cara A", 3, "2022-01-01", null),
                album(21, "Cara B", 3, "2022-01-02", null),
                album(22, "Cara C", 3, "2022-01-03", null)),
            tracks));
    index.catchUp();
    FixtureAudio.forEveryTrack(jdbc, audioFiles, audioAvailability);
  }

  private String body(String method, String query) throws Exception {
    return new JamendoHttp(port).get(method, clientId, query);
  }

  private JsonNode get(String method, String query) throws Exception {
    return json.readTree(body(method + "/", query));
  }

  private JsonNode ok(String method, String query) throws Exception {
    JsonNode doc = get(method, query);
    assertThat(doc.get("headers").get("code").asInt()).as(doc.toString()).isZero();
    return doc.get("results");
  }

  /** The top-level ids of the answer. */
  private List<String> ids(String method, String query) throws Exception {
    List<String> out = new ArrayList<>();
    ok(method, query).forEach(e -> out.add(e.get("id").asString()));
    return out;
  }

  /** The ids of the nested list {@code key} of each top-level entity, as "parent:[children]". */
  private List<String> nested(String method, String key, String query) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode e : ok(method, query)) {
      List<String> children = new ArrayList<>();
      e.get(key).forEach(c -> children.add(c.get("id").asString()));
      out.add(e.get("id").asString() + ":" + children);
    }
    return out;
  }

  @Test
  void albumsTracksNestTracksInAlbumOrderWithTheSampleShape() throws Exception {
    assertThat(nested("albums/tracks", "tracks", "&id=10+11"))
        .containsExactly("10:[101, 100]", "11:[102]");
    JsonNode album = ok("albums/tracks", "&id=10").get(0);
    assertThat(album.propertyNames())
        .containsExactly(
            "id",
            "name",
            "releasedate",
            "artist_id",
            "artist_name",
            "track_id",
            "image",
            "zip",
            "zip_allowed",
            "tracks");
    assertThat(album.get("track_id").asString()).isEqualTo("101");
    JsonNode bairro = album.get("tracks").get(0);
    assertThat(bairro.get("count").asString()).isEqualTo("1");
    assertThat(bairro.get("position").asString()).isEqualTo("1");
    assertThat(bairro.get("duration").isString()).isTrue();
    assertThat(bairro.get("duration").asString()).isEqualTo("152");
    assertThat(JamendoHttp.unsigned(bairro.get("audio").asString()))
        .isEqualTo("https://music.example/audio/track/101/mp31");
    assertThat(bairro.get("audiodownload").asString()).isEmpty();
    assertThat(bairro.get("audiodownload_allowed").asBoolean()).isFalse();
    JsonNode alfama = ok("albums/tracks", "&id=10&audioformat=ogg").get(0).get("tracks").get(1);
    assertThat(JamendoHttp.unsigned(alfama.get("audio").asString())).endsWith("/100/ogg");
    assertThat(JamendoHttp.unsigned(alfama.get("audiodownload").asString()))
        .endsWith("/100/ogg/download");
    assertThat(
            JamendoHttp.unsigned(
                ok("albums/tracks", "&id=10&audiodlformat=flac")
                    .get(0)
                    .get("tracks")
                    .get(1)
                    .get("audiodownload")
                    .asString()))
        .endsWith("/100/flac/download");
  }

  @Test
  void albumsTracksOrdersTrackFiltersAndInheritedAlbumFilters() throws Exception {
    assertThat(nested("albums/tracks", "tracks", "&id=10&order=track_name"))
        .containsExactly("10:[100, 101]");
    assertThat(nested("albums/tracks", "tracks", "&id=10&order=track_position_desc"))
        .containsExactly("10:[100, 101]");
    assertThat(nested("albums/tracks", "tracks", "&id=10&order=track_id_desc"))
        .containsExactly("10:[101, 100]");
    // track filters select the nested tracks and the albums holding them
    assertThat(nested("albums/tracks", "tracks", "&track_id=100")).containsExactly("10:[100]");
    assertThat(nested("albums/tracks", "tracks", "&track_name=sol")).containsExactly("11:[102]");
    assertThat(nested("albums/tracks", "tracks", "&track_name=nothing")).isEmpty();
    // every albums parameter is inherited
    assertThat(nested("albums/tracks", "tracks", "&artist_name=bruno&order=releasedate_desc"))
        .containsExactly("12:[]", "11:[102]");
    assertThat(ids("albums/tracks", "&namesearch=oit")).containsExactly("10");
    assertThat(ids("albums/tracks", "&datebetween=2022-01-02_0000-00-00"))
        .containsExactly("21", "22");
    JsonNode paged = get("albums/tracks", "&artist_id=3&limit=1&offset=1&fullcount=1");
    assertThat(paged.get("headers").get("results_count").asInt()).isEqualTo(1);
    assertThat(paged.get("headers").get("results_fullcount").asInt()).isEqualTo(3);
    assertThat(paged.get("results").get(0).get("id").asString()).isEqualTo("21");
  }

  @Test
  void nestedItemsOfOneResponseAreCappedAt400() throws Exception {
    JsonNode albums = ok("albums/tracks", "&artist_id=3");
    assertThat(albums).hasSize(3);
    assertThat(albums.get(0).get("tracks")).hasSize(150);
    assertThat(albums.get(1).get("tracks")).hasSize(150);
    assertThat(albums.get(2).get("tracks")).hasSize(100);
    assertThat(albums.get(2).get("tracks").get(99).get("position").asString()).isEqualTo("100");
    // the cap follows the album order: the last album listed is the one cut short
    JsonNode reversed = ok("albums/tracks", "&artist_id=3&order=id_desc");
    assertThat(reversed.get(0).get("id").asString()).isEqualTo("22");
    assertThat(reversed.get(0).get("tracks").get(0).get("id").asString()).isEqualTo("1300");
    assertThat(reversed.get(2).get("id").asString()).isEqualTo("20");
    assertThat(reversed.get(2).get("tracks")).hasSize(100);
    JsonNode cara = ok("artists/tracks", "&id=3");
    assertThat(cara.get(0).get("tracks")).hasSize(400);
    assertThat(cara.get(0).get("tracks").get(399).get("id").asString()).isEqualTo("1399");
    int total = 0;
    for (JsonNode a : ok("artists/tracks", "&limit=all")) {
      total += a.get("tracks").size();
    }
    assertThat(total).isEqualTo(400);
  }

  @Test
  void artistsTracksDefaultToAlbumTracksAndFilterTracksAndAlbums() throws Exception {
    assertThat(nested("artists/tracks", "tracks", "&id=1+2"))
        .containsExactly("1:[100, 101]", "2:[102]");
    assertThat(nested("artists/tracks", "tracks", "&id=2&track_type=single+albumtrack"))
        .containsExactly("2:[102, 103]");
    assertThat(nested("artists/tracks", "tracks", "&track_type=single")).containsExactly("2:[103]");
    assertThat(nested("artists/tracks", "tracks", "&id=1&order=track_name_desc"))
        .containsExactly("1:[101, 100]");
    assertThat(nested("artists/tracks", "tracks", "&id=1+2&order=track_releasedate_desc+name"))
        .containsExactly("1:[100, 101]", "2:[102]");
    assertThat(nested("artists/tracks", "tracks", "&track_id=101")).containsExactly("1:[101]");
    assertThat(nested("artists/tracks", "tracks", "&track_name=SOL")).containsExactly("2:[102]");
    assertThat(nested("artists/tracks", "tracks", "&album_name=noite"))
        .containsExactly("1:[100, 101]");
    assertThat(nested("artists/tracks", "tracks", "&album_id=11")).containsExactly("2:[102]");
    assertThat(nested("artists/tracks", "tracks", "&album_datebetween=2019-01-01_2020-12-31"))
        .containsExactly("1:[100, 101]", "2:[102]");
    // inherited artists filters and orders
    assertThat(ids("artists/tracks", "&namesearch=run")).containsExactly("2");
    assertThat(ids("artists/tracks", "&hasimage=1")).containsExactly("1");
    assertThat(ids("artists/tracks", "&order=name_desc&limit=2")).containsExactly("4", "3");
    JsonNode bruno = ok("artists/tracks", "&id=2&imagesize=50").get(0);
    assertThat(bruno.propertyNames())
        .containsExactly("id", "name", "website", "joindate", "image", "tracks");
    JsonNode sol = bruno.get("tracks").get(0);
    assertThat(sol.propertyNames())
        .containsExactly(
            "album_id",
            "album_name",
            "id",
            "name",
            "duration",
            "releasedate",
            "license_ccurl",
            "album_image",
            "image",
            "audio",
            "audiodownload",
            "audiodownload_allowed");
    assertThat(sol.get("album_id").asString()).isEqualTo("11");
    assertThat(sol.get("album_name").asString()).isEqualTo("Dia");
    assertThat(sol.get("duration").asString()).isEqualTo("153");
    assertThat(sol.get("releasedate").asString()).isEqualTo("2020-01-01");
    assertThat(sol.get("album_image").asString())
        .isEqualTo("https://music.example/images/album/11?width=50");
    assertThat(JamendoHttp.unsigned(sol.get("audiodownload").asString()))
        .endsWith("/102/mp32/download");
    JsonNode single =
        ok("artists/tracks", "&track_type=single&audioformat=mp32").get(0).get("tracks").get(0);
    assertThat(single.get("album_id").asString()).isEmpty();
    assertThat(single.get("image").asString())
        .isEqualTo("https://music.example/images/track/103?width=300");
    assertThat(JamendoHttp.unsigned(single.get("audio").asString())).endsWith("/103/mp32");
  }

  @Test
  void artistsAlbumsNestAlbumsByReleaseDate() throws Exception {
    assertThat(nested("artists/albums", "albums", "&id=2")).containsExactly("2:[11, 12]");
    assertThat(nested("artists/albums", "albums", "&id=2&order=album_name_desc"))
        .containsExactly("2:[12, 11]");
    assertThat(nested("artists/albums", "albums", "&id=3&order=album_releasedate_desc"))
        .containsExactly("3:[22, 21, 20]");
    assertThat(nested("artists/albums", "albums", "&album_name=dia")).containsExactly("2:[11]");
    assertThat(nested("artists/albums", "albums", "&album_id=10+13"))
        .containsExactly("1:[10]", "4:[13]");
    assertThat(nested("artists/albums", "albums", "&album_datebetween=2021-01-01_2022-01-01"))
        .containsExactly("2:[12]", "3:[20]");
    assertThat(ids("artists/albums", "&datebetween=2010-01-03_2010-01-04"))
        .containsExactly("3", "4");
    JsonNode dia = ok("artists/albums", "&id=2&imagesize=130").get(0).get("albums").get(0);
    assertThat(dia.propertyNames()).containsExactly("id", "name", "releasedate", "image");
    assertThat(dia.get("releasedate").asString()).isEqualTo("2020-01-01");
    assertThat(dia.get("image").asString())
        .isEqualTo("https://music.example/images/album/11?width=130");
  }

  /** Spec §16.3: limit defaults to 10, 'all' is the maximum of 200, and counts top-level items. */
  @Test
  void limitDefaultsToTenAndAllMeansTheMaximumOf200() throws Exception {
    assertThat(ok("tracks", "")).hasSize(10);
    assertThat(ok("tracks", "&limit=all")).hasSize(200);
    JsonNode over = get("tracks", "&limit=201");
    assertThat(over.get("results")).hasSize(200);
    assertThat(over.get("headers").get("warnings").asString()).contains("200");
    JsonNode album = ok("albums/tracks", "&id=20+21&limit=1&order=id");
    assertThat(album).hasSize(1);
    assertThat(album.get(0).get("tracks")).hasSize(150);
  }

  @Test
  void artistsLocationsFilterInTheIndex() throws Exception {
    assertThat(ids("artists/locations", "&haslocation=true")).containsExactly("1", "2");
    assertThat(ids("artists/locations", "&haslocation=0")).containsExactly("3", "4");
    assertThat(ids("artists/locations", "&location_country=ita")).containsExactly("2");
    assertThat(ids("artists/locations", "&location_country=FRA+PRT")).containsExactly("1");
    assertThat(ids("artists/locations", "&location_city=LISBON")).containsExactly("1");
    assertThat(ids("artists/locations", "&location_coords=45.46_9.19")).containsExactly("2");
    // Milan is about 51 km north of 45.0/9.19
    assertThat(ids("artists/locations", "&location_coords=45.0_9.19")).isEmpty();
    assertThat(ids("artists/locations", "&location_coords=45.0_9.19&location_radius=60"))
        .containsExactly("2");
    assertThat(ids("artists/locations", "&location_coords=45.0_9.19&location_radius=40")).isEmpty();
    assertThat(ids("artists/locations", "&name=ana&location_country=ITA")).isEmpty();
    JsonNode ana = ok("artists/locations", "&id=1").get(0);
    assertThat(ana.get("shareurl").asString()).isEqualTo("https://music.example/artist/1");
    JsonNode lisbon = ana.get("locations").get(0);
    assertThat(lisbon.propertyNames())
        .containsExactly("id", "longitude", "latitude", "country", "city");
    assertThat(lisbon.get("latitude").asString()).isEqualTo("38.72");
    assertThat(lisbon.get("longitude").asString()).isEqualTo("-9.14");
    assertThat(lisbon.get("country").asString()).isEqualTo("PRT");
    assertThat(lisbon.get("city").asString()).isEqualTo("Lisbon");
    assertThat(ok("artists/locations", "&id=3").get(0).get("locations")).isEmpty();
    JsonNode h = get("artists/locations", "&location_country=XYZ").get("headers");
    assertThat(h.get("code").asInt()).isEqualTo(3);
    assertThat(h.get("error_message").asString()).contains("'location_country'", "ITA", "XYZ");
    assertThat(
            get("artists/locations", "&location_radius=5")
                .get("headers")
                .get("warnings")
                .asString())
        .contains("location_radius");
  }

  @Test
  void artistsMusicinfoCarriesTagsDescriptionsAndFiltersByTag() throws Exception {
    JsonNode ana = ok("artists/musicinfo", "&id=1").get(0);
    JsonNode info = ana.get("musicinfo");
    assertThat(info.get("tags").toString()).isEqualTo("[\"fado\",\"lisboa\"]");
    assertThat(info.get("description").get("en").asString()).isEqualTo("<p>Fado singer</p>");
    assertThat(info.get("description").get("ja").asString()).isEmpty();
    assertThat(ok("artists/musicinfo", "&id=4").get(0).get("musicinfo").get("tags")).isEmpty();
    assertThat(ids("artists/musicinfo", "&tag=rock")).containsExactly("2");
    assertThat(ids("artists/musicinfo", "&tag=LISBOA")).containsExactly("1");
    assertThat(ids("artists/musicinfo", "&tag=fado&id=2")).isEmpty();
    assertThat(ids("artists/musicinfo", "&tag=polka")).isEmpty();
  }

  @Test
  void xartistFindsTracksSoundingLikeTheArtistButNotItsOwn() throws Exception {
    assertThat(ids("tracks", "&xartist=Dino")).containsExactly("100", "102");
    assertThat(ids("tracks", "&xartist=4&limit=1")).containsExactly("100");
    assertThat(ids("tracks", "&xartist=dino&tags=rock")).containsExactly("102");
    JsonNode unknown = get("tracks", "&xartist=Madonna");
    assertThat(unknown.get("results")).isEmpty();
    assertThat(unknown.get("headers").get("warnings").asString()).contains("Madonna");
    assertThat(get("tracks", "&xartist=Cara").get("headers").get("warnings").asString())
        .contains("audio features");
    JsonNode h = get("tracks", "&xartist=Dino&order=name").get("headers");
    assertThat(h.get("code").asInt()).isEqualTo(3);
    assertThat(h.get("error_message").asString()).contains("'xartist'");
  }

  @Test
  void badValuesAreTypeErrorsNamingTheParameter() throws Exception {
    Map<String, List<String>> bad =
        Map.of(
            "albums/tracks",
            List.of("&order=colour", "&track_id=x", "&audioformat=wav", "&type=remix"),
            "artists/tracks",
            List.of("&track_type=remix", "&album_datebetween=2020", "&audiodlformat=mp3"),
            "artists/albums",
            List.of("&album_id=abc", "&order=track_name", "&imagesize=33"),
            "artists/locations",
            List.of("&location_radius=0", "&location_coords=abc", "&haslocation=maybe"),
            "artists/musicinfo",
            List.of("&datebetween=2020-01-01"));
    for (Map.Entry<String, List<String>> e : bad.entrySet()) {
      for (String query : e.getValue()) {
        JsonNode h = get(e.getKey(), query).get("headers");
        assertThat(h.get("code").asInt()).as(e.getKey() + query).isEqualTo(3);
        String param = query.substring(1, query.indexOf('='));
        assertThat(h.get("error_message").asString()).as(query).contains("'" + param + "'");
      }
    }
    assertThat(get("artists/tracks", "&include=stats").get("headers").get("warnings").asString())
        .contains("include");
  }

  @Test
  void xmlNestsTracksAndTheTrailingSlashIsOptional() throws Exception {
    String xml = body("albums/tracks/", "&id=10&format=xml");
    assertThat(xml)
        .contains("<results><album><id>10</id>")
        .contains("<tracks><track><count>1</count><id>101</id>")
        .contains("<audiodownload></audiodownload>");
    String locations = body("artists/locations", "&id=2&format=xml");
    assertThat(locations).contains("<locations><location><id>1</id>");
    JsonNode noSlash = json.readTree(body("artists/albums", "&id=2"));
    assertThat(noSlash.get("results").get(0).get("albums")).hasSize(2);
  }
}

package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.catalog.TrackStats;
import dev.stave.search.SearchIndex;
import dev.stave.testsupport.FixtureAudio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** {@code GET /v3.0/tracks} over a small hand-made catalog whose every answer is known. */
// The context owns files in this class's temporary data directory (store, search index): close it
// with the class, before JUnit deletes the directory, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoTracksTest {
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

  private String clientId;

  private static Track track(
      long id,
      String name,
      Long album,
      Integer position,
      long artist,
      long durationMs,
      String date,
      String licence,
      List<Tag> tags,
      MusicInfo info,
      long listensMonth,
      TrackFlags flags) {
    TrackStats stats = new TrackStats(0, listensMonth, 1000, 0, 0, 7, 3, 2, 5, 1, 4.5, 2);
    return new Track(
        id,
        null,
        name,
        album,
        position,
        1,
        durationMs,
        ReleaseDate.parse(date),
        licence,
        info,
        "lyrics of " + name,
        null,
        0,
        null,
        flags,
        stats,
        null,
        List.of(artist),
        tags);
  }

  @BeforeEach
  void setUp() {
    clientId = apps.create("tracks test").clientId();
    String by = "https://creativecommons.org/licenses/by/4.0/";
    store.write(
        new CatalogBatch(
            List.of(
                new Artist(
                    1,
                    null,
                    "Ana",
                    null,
                    null,
                    java.time.LocalDate.of(2010, 1, 1),
                    "https://img.example/ana.jpg",
                    null,
                    0,
                    null,
                    null),
                new Artist(
                    2,
                    null,
                    "Bruno",
                    null,
                    "https://bruno.example",
                    java.time.LocalDate.of(2015, 6, 1),
                    null,
                    null,
                    0,
                    null,
                    null)),
            List.of(
                album(10, "Noite", 1, "album", "2019-05-17", null, true),
                album(11, "Dia", 2, "ep", "2020-01-01", null, true),
                album(
                    12,
                    "Sol Single",
                    2,
                    "single",
                    "2021-03-03",
                    "https://img.example/12.jpg",
                    false)),
            List.of(
                track(
                    100,
                    "Alfama",
                    10L,
                    1,
                    1,
                    201_500,
                    "2019-05-17",
                    "https://creativecommons.org/licenses/by-nc-sa/3.0/",
                    List.of(new Tag(Tag.GENRE, "fado"), new Tag(Tag.MOOD, "sad")),
                    new MusicInfo("vocal", "pt", "female", "acoustic", "low"),
                    50,
                    new TrackFlags(true, false, true, false)),
                track(
                    101,
                    "Bairro",
                    10L,
                    2,
                    1,
                    150_000,
                    "2019-05-17",
                    by,
                    List.of(new Tag(Tag.GENRE, "fado"), new Tag(Tag.INSTRUMENT, "guitar")),
                    new MusicInfo("instrumental", "pt", null, "acoustic", "medium"),
                    500,
                    new TrackFlags(false, false, false, false)),
                track(
                    102,
                    "Sol",
                    11L,
                    1,
                    2,
                    300_000,
                    "2020-01-01",
                    "https://creativecommons.org/licenses/by-sa/4.0/",
                    List.of(new Tag(Tag.GENRE, "rock"), new Tag(Tag.MOOD, "happy")),
                    new MusicInfo("vocal", "en", "male", "electric", "high"),
                    10,
                    new TrackFlags(true, false, true, false)),
                track(
                    103,
                    "Single Song",
                    null,
                    null,
                    2,
                    100_000,
                    "2021-03-03",
                    by,
                    List.of(new Tag(Tag.GENRE, "rock"), new Tag(Tag.MOOD, "happy")),
                    new MusicInfo("vocal", "en", "male", "electric", "high"),
                    5,
                    new TrackFlags(true, true, false, false)))));
    index.catchUp();
    FixtureAudio.forEveryTrack(jdbc, audioFiles, audioAvailability);
  }

  private static Album album(
      long id, String name, long artist, String type, String date, String image, boolean zip) {
    return new Album(
        id,
        null,
        name,
        List.of(artist),
        ReleaseDate.parse(date),
        null,
        type,
        null,
        null,
        image,
        zip,
        null,
        0,
        null,
        null);
  }

  private JsonNode get(String query) throws Exception {
    return get("tracks", query);
  }

  private JsonNode get(String method, String query) throws Exception {
    return new JamendoHttp(port).method(method, clientId, query);
  }

  private List<String> ids(String query) throws Exception {
    return ids("tracks", query);
  }

  private List<String> ids(String method, String query) throws Exception {
    JsonNode doc = get(method, query);
    assertThat(doc.get("headers").get("code").asInt()).as(doc.toString()).isZero();
    List<String> out = new ArrayList<>();
    doc.get("results").forEach(t -> out.add(t.get("id").asString()));
    return out;
  }

  @Test
  void albumTracksByDefaultSinglesOnRequest() throws Exception {
    assertThat(ids("")).containsExactly("100", "101", "102");
    assertThat(ids("&type=single")).containsExactly("103");
    assertThat(ids("&type=single+albumtrack")).containsExactly("100", "101", "102", "103");
  }

  @Test
  void aTrackHasTheWireShape() throws Exception {
    JsonNode t = get("&id=100&include=musicinfo+licenses+stats+lyrics").get("results").get(0);
    assertThat(t.get("id").asString()).isEqualTo("100");
    assertThat(t.get("duration").isInt()).isTrue();
    assertThat(t.get("duration").asInt()).isEqualTo(202);
    assertThat(t.get("position").asInt()).isEqualTo(1);
    assertThat(t.get("artist_id").asString()).isEqualTo("1");
    assertThat(t.get("artist_name").asString()).isEqualTo("Ana");
    assertThat(t.get("artist_idstr").asString()).isEqualTo("ana");
    assertThat(t.get("album_id").asString()).isEqualTo("10");
    assertThat(t.get("album_name").asString()).isEqualTo("Noite");
    assertThat(t.get("releasedate").asString()).isEqualTo("2019-05-17");
    assertThat(t.get("audio").asString())
        .matches(
            "\\Qhttps://music.example/audio/track/100/mp31\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(t.get("audiodownload").asString())
        .matches(
            "\\Qhttps://music.example/audio/track/100/mp32/download\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(t.get("album_image").asString())
        .isEqualTo("https://music.example/images/album/10?width=300");
    assertThat(t.get("waveform").isString()).isTrue();
    assertThat(t.get("audiodownload_allowed").asBoolean()).isTrue();
    assertThat(t.get("content_id_free").isBoolean()).isTrue();
    JsonNode mi = t.get("musicinfo");
    assertThat(mi.get("vocalinstrumental").asString()).isEqualTo("vocal");
    assertThat(mi.get("tags").get("genres").get(0).asString()).isEqualTo("fado");
    assertThat(mi.get("tags").get("vartags").get(0).asString()).isEqualTo("sad");
    assertThat(t.get("licenses").get("ccnc").asString()).isEqualTo("true");
    assertThat(t.get("licenses").get("ccnd").asString()).isEqualTo("false");
    assertThat(t.get("stats").get("rate_listened_total").asInt()).isEqualTo(1000);
    assertThat(t.get("lyrics").asString()).isEqualTo("lyrics of Alfama");

    // the download follows a given audioformat (spec §16.6)
    JsonNode ogg = get("&id=100&audioformat=ogg").get("results").get(0);
    assertThat(JamendoHttp.unsigned(ogg.get("audiodownload").asString()))
        .isEqualTo("https://music.example/audio/track/100/ogg/download");
    JsonNode noDownload = get("&id=101&audioformat=ogg").get("results").get(0);
    assertThat(noDownload.get("audiodownload").asString()).isEmpty();
    assertThat(noDownload.get("audiodownload_allowed").asBoolean()).isFalse();
    assertThat(noDownload.get("audio").asString()).contains("/101/ogg?exp=");
    assertThat(get("&id=101").get("results").get(0).has("musicinfo")).isFalse();
    JsonNode single = get("&id=103&type=single&imagesize=50").get("results").get(0);
    assertThat(single.get("album_id").asString()).isEmpty();
    assertThat(single.get("image").asString())
        .isEqualTo("https://music.example/images/track/103?width=50");
  }

  /**
   * Spec §2.4, §16.2: several values are split on spaces and plus signs after percent-decoding: a
   * raw '+' (a space once decoded), '%2B' (JamendoR), '%20' (arrays joined with spaces).
   */
  @Test
  void multipleValuesSplitOnSpacesAndPlusSignsAfterDecoding() throws Exception {
    for (String sep : List.of("+", "%2B", "%20", "%20%2B%20")) {
      assertThat(ids("&type=single" + sep + "albumtrack"))
          .as(sep)
          .containsExactlyInAnyOrder("100", "101", "102", "103");
      assertThat(ids("&id=103" + sep + "100&type=single" + sep + "albumtrack"))
          .as(sep)
          .containsExactlyInAnyOrder("100", "103");
      assertThat(ids("&tags=fado" + sep + "guitar")).as(sep).containsExactly("101");
    }
  }

  /**
   * Spec §16.4: a free-text search without {@code boost} is ordered by relevance blended with a
   * weak popularity, which decides between equally relevant tracks (ids would put 100 first).
   */
  @Test
  void aSearchWithoutBoostPutsTheMoreListenedOfEquallyRelevantTracksFirst() throws Exception {
    // both tagged fado; Bairro (101) is listened to ten times more this month
    assertThat(ids("&search=fado")).containsExactly("101", "100");
    assertThat(ids("&search=fado&order=id")).containsExactly("100", "101");
  }

  @Test
  void tagsAreAndFuzzyTagsRankByMatches() throws Exception {
    assertThat(ids("&tags=fado+guitar")).containsExactly("101");
    assertThat(ids("&tags=fado")).containsExactly("100", "101");
    assertThat(ids("&fuzzytags=fado+sad")).containsExactly("100", "101");
  }

  @Test
  void searchIsRankedAndBoostBlendsPopularity() throws Exception {
    assertThat(ids("&search=alfama")).containsExactly("100");
    assertThat(ids("&search=fado&boost=popularity_month")).containsExactly("101", "100");
    assertThat(ids("&tags=fado&boost=listens_month")).containsExactly("101", "100");
  }

  @Test
  void ordersCombineAndRatingsAreAlwaysDescending() throws Exception {
    assertThat(ids("&order=releasedate_desc")).containsExactly("102", "100", "101");
    assertThat(ids("&order=popularity_month_asc")).containsExactly("101", "100", "102");
    assertThat(ids("&order=artist_name_desc+name")).containsExactly("102", "100", "101");
    assertThat(ids("&order=duration")).containsExactly("101", "100", "102");
  }

  @Test
  void rangesMusicinfoAndLicences() throws Exception {
    assertThat(ids("&datebetween=0000-00-00_2019-12-31")).containsExactly("100", "101");
    assertThat(ids("&durationbetween=140_210")).containsExactly("100", "101");
    assertThat(ids("&lang=en")).containsExactly("102");
    assertThat(ids("&speed=low+high")).containsExactly("100", "102");
    assertThat(ids("&vocalinstrumental=instrumental")).containsExactly("101");
    assertThat(ids("&ccnc=true")).containsExactly("100");
    assertThat(ids("&ccsa=false")).containsExactly("101");
    assertThat(ids("&featured=1")).containsExactly("100", "102");
    assertThat(ids("&type=single&content_id_free=true")).containsExactly("103");
  }

  @Test
  void namesAlbumsArtistsAndGroups() throws Exception {
    assertThat(ids("&namesearch=lfa")).containsExactly("100");
    assertThat(ids("&name=sol")).containsExactly("102");
    assertThat(ids("&artist_name=Bruno")).containsExactly("102");
    assertThat(ids("&album_name=Noite")).containsExactly("100", "101");
    assertThat(ids("&album_name=Nowhere")).isEmpty();
    assertThat(ids("&artist_id=1&album_id=10")).containsExactly("100", "101");
    assertThat(ids("&groupby=artist_id")).containsExactly("100", "102");
    assertThat(ids("&prolicensing=true")).isEmpty();
  }

  @Test
  void pagingAndFullcount() throws Exception {
    JsonNode doc = get("&limit=1&offset=1&fullcount=true");
    assertThat(doc.get("headers").get("results_count").asInt()).isEqualTo(1);
    assertThat(doc.get("headers").get("results_fullcount").asInt()).isEqualTo(3);
    assertThat(doc.get("results").get(0).get("id").asString()).isEqualTo("101");
  }

  @Test
  void badValuesAreTypeErrors() throws Exception {
    for (String bad :
        List.of(
            "&imagesize=33",
            "&audioformat=wav",
            "&order=colour",
            "&datebetween=2020-01-01",
            "&type=remix",
            "&lang=portuguese",
            "&groupby=label",
            "&boost=name",
            // a lone combining accent: nothing to compare once accents are dropped
            "&namesearch=%CC%81",
            "&name=%CC%81",
            "&offset=99995&limit=10")) {
      JsonNode h = get(bad).get("headers");
      assertThat(h.get("code").asInt()).as(bad).isEqualTo(3);
      String param = bad.substring(1, bad.indexOf('='));
      assertThat(h.get("error_message").asString()).as(bad).contains("'" + param + "'");
    }
  }

  @Test
  void albumsFilterSortAndShape() throws Exception {
    assertThat(ids("albums", "")).containsExactly("10", "11", "12");
    assertThat(ids("albums", "&type=single")).containsExactly("12");
    assertThat(ids("albums", "&type=album")).containsExactly("10", "11");
    assertThat(ids("albums", "&artist_name=bruno")).containsExactly("11", "12");
    assertThat(ids("albums", "&namesearch=oit")).containsExactly("10");
    assertThat(ids("albums", "&datebetween=2020-06-01_0000-00-00")).containsExactly("12");
    assertThat(ids("albums", "&order=artist_name_desc+id")).containsExactly("11", "12", "10");
    assertThat(ids("albums", "&order=releasedate_desc&limit=2")).containsExactly("12", "11");
    JsonNode a = get("albums", "&id=12&imagesize=100").get("results").get(0);
    assertThat(a.get("id").asString()).isEqualTo("12");
    assertThat(a.get("name").asString()).isEqualTo("Sol Single");
    assertThat(a.get("releasedate").asString()).isEqualTo("2021-03-03");
    assertThat(a.get("artist_id").asString()).isEqualTo("2");
    assertThat(a.get("artist_name").asString()).isEqualTo("Bruno");
    assertThat(a.get("image").asString()).isEqualTo("https://img.example/12.jpg?width=100");
    assertThat(a.get("zip").asString()).isEmpty();
    assertThat(a.get("zip_allowed").asBoolean()).isFalse();
    JsonNode b = get("albums", "&id=10").get("results").get(0);
    assertThat(b.get("zip").asString())
        .matches(
            "\\Qhttps://music.example/audio/album/10/mp32/zip\\E\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");
    assertThat(b.get("shorturl").asString()).isEqualTo("https://music.example/l/a10");
    assertThat(get("albums", "&audioformat=flac").get("headers").get("code").asInt()).isEqualTo(3);
  }

  @Test
  void artistsFilterSortAndShape() throws Exception {
    assertThat(ids("artists", "")).containsExactly("1", "2");
    assertThat(ids("artists", "&hasimage=1")).containsExactly("1");
    assertThat(ids("artists", "&datebetween=2012-01-01_2020-01-01")).containsExactly("2");
    assertThat(ids("artists", "&order=joindate_desc")).containsExactly("2", "1");
    assertThat(ids("artists", "&name=ANA")).containsExactly("1");
    JsonNode a = get("artists", "&id=2").get("results").get(0);
    assertThat(a.get("website").asString()).isEqualTo("https://bruno.example");
    assertThat(a.get("joindate").asString()).isEqualTo("2015-06-01");
    assertThat(a.get("image").asString())
        .isEqualTo("https://music.example/images/artist/2?width=300");
    assertThat(a.get("shareurl").asString()).isEqualTo("https://music.example/artist/2");
    assertThat(get("artists", "&order=fame").get("headers").get("code").asInt()).isEqualTo(3);
  }

  @Test
  void autocompleteGroupsNamesAndTagsByEntity() throws Exception {
    JsonNode counted = get("autocomplete", "&prefix=so&matchcount=1");
    assertThat(counted.get("headers").get("results_count").asInt()).isEqualTo(2);
    JsonNode r = counted.get("results");
    assertThat(r.propertyNames()).containsExactly("albums", "tracks");
    assertThat(r.get("albums").get(0).get("match").asString()).isEqualTo("Sol Single");
    assertThat(r.get("tracks").get(0).get("match").asString()).isEqualTo("Sol");
    assertThat(r.get("tracks").get(0).get("count").asInt()).isEqualTo(1);

    JsonNode tags = get("autocomplete", "&prefix=fa&matchcount=true").get("results").get("tags");
    assertThat(tags.get(0).get("match").asString()).isEqualTo("fado");
    assertThat(tags.get(0).get("count").asInt()).isEqualTo(2);
    assertThat(
            get("autocomplete", "&prefix=AL&entity=tracks")
                .get("results")
                .get("tracks")
                .get(0)
                .asString())
        .isEqualTo("Alfama");
    assertThat(get("autocomplete", "&prefix=an&entity=artists+tags").get("results").toString())
        .isEqualTo("{\"artists\":[\"Ana\"]}");

    JsonNode none = get("autocomplete", "&prefix=zz");
    assertThat(none.get("results").isArray()).isTrue();
    assertThat(none.get("headers").get("results_count").asInt()).isZero();
    assertThat(get("autocomplete", "&prefix=a").get("headers").get("code").asInt()).isEqualTo(3);
    assertThat(get("autocomplete", "&prefix=%CC%81%CC%81").get("headers").get("code").asInt())
        .isEqualTo(3);
    assertThat(get("autocomplete", "").get("headers").get("code").asInt()).isEqualTo(4);
  }

  @Test
  void albumsMusicinfoCarriesTagsAndDescriptionsAndFiltersByTag() throws Exception {
    store.write(
        new CatalogBatch(
            List.of(),
            List.of(
                new Album(
                    10,
                    null,
                    "Noite",
                    List.of(1L),
                    ReleaseDate.parse("2019-05-17"),
                    null,
                    "album",
                    null,
                    null,
                    null,
                    true,
                    null,
                    0,
                    java.util.Map.of("en", "<p>Night</p>", "ko", "<p>밤</p>"),
                    List.of("fado", "lisboa"))),
            List.of()));
    index.catchUp();
    assertThat(ids("albums/musicinfo", "&tag=fado")).containsExactly("10");
    JsonNode a = get("albums/musicinfo", "&id=10").get("results").get(0);
    assertThat(a.get("name").asString()).isEqualTo("Noite");
    JsonNode info = a.get("musicinfo");
    assertThat(info.get("tags").toString()).isEqualTo("[\"fado\",\"lisboa\"]");
    assertThat(info.get("description").get("en").asString()).isEqualTo("<p>Night</p>");
    assertThat(info.get("description").get("fr").asString()).isEmpty();
    assertThat(info.get("description").get("ko").asString()).isEqualTo("<p>밤</p>");
    assertThat(get("albums", "&id=10").get("results").get(0).has("musicinfo")).isFalse();
    assertThat(get("albums", "&tag=fado").get("headers").get("warnings").asString())
        .contains("tag");
  }
}

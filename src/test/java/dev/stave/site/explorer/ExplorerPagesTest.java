package dev.stave.site.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import dev.stave.search.CatalogSearch;
import dev.stave.search.Completion;
import dev.stave.testsupport.ExplorerFixture;
import dev.stave.testsupport.RawHttp;
import dev.stave.testsupport.StaveSiteTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The explorer pages over HTTP, as a browser without script gets them: what each page shows, links
 * and play buttons, 404 and 400 pages for unknown and malformed ids or parameters, and names with
 * HTML in them ({@link ExplorerFixture}) always escaped. {@link ExplorerBrowserTest} drives the
 * same pages in Chromium.
 */
@StaveSiteTest
class ExplorerPagesTest {
  @LocalServerPort int port;
  @Autowired CatalogStore catalog;
  @Autowired CatalogSearch search;

  private RawHttp.Response get(String path) throws Exception {
    return new RawHttp(port).get(path, "Accept: text/html");
  }

  private String page(String path) throws Exception {
    RawHttp.Response r = get(path);
    assertThat(r.status()).as("GET %s", path).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    return r.body();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** No fixture name appears unescaped: no tag the catalog text holds reaches the page. */
  private static void assertEscaped(String body) {
    assertThat(body)
        .doesNotContain("<script>alert", "<b>Harbour</b>", "<img src=x", "<i>Zyx</i>", "<u>Zyx</u>")
        .doesNotContain("<em>Radio</em>", "</title><script>");
  }

  private Album demoAlbumWithTracks() {
    return catalog.readFirst(CatalogStore.ALBUMS, 50).stream()
        .filter(a -> !catalog.tracksOfAlbums(List.of(a.id())).isEmpty())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void searchWithoutTextShowsTheCatalogToBrowse() throws Exception {
    String body = page("/search");

    assertThat(body).contains("Popular tracks", "New albums", "Popular artists", "Tags");
    assertThat(body)
        .containsPattern("href=\"/tracks/\\d+\"")
        .containsPattern("href=\"/albums/\\d+\"");
    assertThat(body).containsPattern("href=\"/search\\?tag=[a-z]");
    assertThat(body).contains("role=\"combobox\"", "aria-controls=\"search-q-list\"");
  }

  @Test
  void searchFindsAnArtistByNameAndGroupsResultsByKind() throws Exception {
    Artist artist = catalog.readFirst(CatalogStore.ARTISTS, 1).getFirst();

    String body = page("/search?q=" + q(artist.name()));

    assertThat(body).contains("Search results for", "id=\"artists-results\"");
    assertThat(body).contains("href=\"/artists/" + artist.id() + "\"");
  }

  @Test
  void eachResultGroupPagesOnItsOwn() throws Exception {
    Completion common =
        search.completeTags("", 1000).stream()
            .max(Comparator.comparingLong(Completion::count))
            .orElseThrow();
    assertThat(common.count()).isGreaterThan(20);

    String first = page("/search?q=" + q(common.match()));
    String next = "/search?q=" + q(common.match()) + "&amp;tracks=2";
    assertThat(first).contains("Tracks: pages", "href=\"" + next + "\"", "Page 1 of");

    String second = page("/search?q=" + q(common.match()) + "&tracks=2");
    assertThat(second).contains("Page 2 of", "rel=\"prev\"");
    assertThat(trackIds(second)).doesNotContainAnyElementsOf(trackIds(first));
  }

  private static List<String> trackIds(String body) {
    int from = body.indexOf("id=\"tracks-results\"");
    Matcher m = Pattern.compile("data-track-id=\"(\\d+)\"").matcher(body.substring(from));
    return m.results().map(r -> r.group(1)).toList();
  }

  @Test
  void aTagPageListsTracksCarryingIt() throws Exception {
    Track track =
        catalog.readFirst(CatalogStore.TRACKS, 50).stream()
            .filter(t -> !t.tags().isEmpty())
            .findFirst()
            .orElseThrow();
    String tag = track.tags().getFirst().name();

    String body = page("/search?tag=" + q(tag));

    assertThat(body).contains("Tag: <span>" + tag + "</span>", "id=\"tracks-results\"");
  }

  @Test
  void aSearchWithNoWordFindsNothingRatherThanEverything() throws Exception {
    String body = page("/search?q=" + q("?!"));

    assertThat(body).contains("Nothing found").doesNotContain("id=\"tracks-results\"");
  }

  @Test
  void suggestionsComeFromTheAutocompleteIndexAsListboxOptions() throws Exception {
    String body = page("/search/suggest?q=zyx");

    assertThat(body)
        .contains("role=\"option\"", "href=\"/artists/" + ExplorerFixture.ARTIST_ID + "\"")
        .contains("href=\"/albums/" + ExplorerFixture.ALBUM_ID + "\"")
        .contains("href=\"/tracks/" + ExplorerFixture.FIRST_TRACK_ID + "\"")
        .contains("Zyx &lt;script&gt;alert(&#39;artist&#39;)&lt;/script&gt;")
        .contains("href=\"/search?q=zyx\"");
    assertEscaped(body);
    assertThat(body).doesNotContain("<html");

    assertThat(page("/search/suggest?q=z")).doesNotContain("role=\"option\"");
  }

  @Test
  void theHeaderSearchBoxIsAComboboxThatWorksAsAPlainForm() throws Exception {
    String body = page("/");

    assertThat(body)
        .contains("id=\"site-q\"", "role=\"combobox\"", "hx-get=\"/search/suggest\"")
        .contains("hx-trigger=\"input changed delay:200ms, search\"")
        .containsPattern(
            "<form class=\"site-search\" role=\"search\" method=\"get\" action=\"/search\">");
  }

  @Test
  void artistPageShowsAlbumsTopTracksLocationsAndLinks() throws Exception {
    String body = page("/artists/" + ExplorerFixture.ARTIST_ID);

    assertThat(body)
        .contains("Zyx &lt;script&gt;alert(&#39;artist&#39;)&lt;/script&gt; &amp; &quot;Band&quot;")
        .contains(
            "Paris, Île-de-France, FRA", "href=\"https://example.org/" + ExplorerFixture.ARTIST_ID)
        .contains("href=\"/albums/" + ExplorerFixture.ALBUM_ID + "\"")
        .contains("Top tracks", "data-play-track=\"" + ExplorerFixture.FIRST_TRACK_ID + "\"")
        .contains("An artist");
    assertEscaped(body);

    Artist demo = catalog.readFirst(CatalogStore.ARTISTS, 1).getFirst();
    assertThat(page("/artists/" + demo.id())).contains("Top tracks", "Albums");
  }

  @Test
  void albumPageShowsTracksPlayButtonsDurationLicenceAndZip() throws Exception {
    String body = page("/albums/" + ExplorerFixture.ALBUM_ID);

    assertThat(body)
        .contains("Zyx &lt;b&gt;Harbour&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;")
        .contains("src=\"/images/album/" + ExplorerFixture.ALBUM_ID + "?width=300\"")
        .contains("CC BY-SA 3.0", "2021-04-02");
    for (int i = 0; i < ExplorerFixture.TRACKS; i++) {
      assertThat(body).contains("data-play-track=\"" + ExplorerFixture.trackId(i) + "\"");
    }
    assertThat(body)
        .contains(
            "data-play-tracks=\""
                + ExplorerFixture.trackId(0)
                + " "
                + ExplorerFixture.trackId(1)
                + " "
                + ExplorerFixture.trackId(2)
                + "\"")
        .containsPattern(
            "href=\"/audio/album/"
                + ExplorerFixture.ALBUM_ID
                + "/mp32/zip\\?exp=\\d+&amp;sig=[^\"]+\" class=\"button\" hx-boost=\"false\"");
    assertEscaped(body);
  }

  @Test
  void anAlbumWithoutAudioHasNoPlayButtonsAndNoZip() throws Exception {
    Album album = demoAlbumWithTracks();
    Track first = catalog.tracksOfAlbums(List.of(album.id())).getFirst();

    String body = page("/albums/" + album.id());

    assertThat(body).contains("href=\"/tracks/" + first.id() + "\"");
    assertThat(body).doesNotContain("data-play-track=", "data-play-tracks=", "/mp32/zip");
    assertThat(body).contains("No track of this album has an audio file here yet.");
  }

  @Test
  void trackPageShowsWaveformFeaturesTagsMusicinfoAndSimilarTracks() throws Exception {
    String body = page("/tracks/" + ExplorerFixture.FIRST_TRACK_ID);

    assertThat(body)
        .contains("Zyx &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Song")
        .contains("<title>Zyx &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Song")
        .containsOnlyOnce("<title>")
        .containsPattern(
            "<svg [^>]*role=\"img\" aria-label=\"Waveform of Zyx[^>]*viewBox=\"0 0 960 100\"")
        .contains("loudest around", "at 100% of full scale")
        .containsPattern("<path d=\"M[0-9.]+ [0-9.]+h")
        .contains("aria-label=\"Audio features: Danceability 20%", "122 BPM", "C minor")
        .contains("href=\"/search?tag=electronic\"", "synthesizer", "happy")
        .contains("female", "French", "electric", "very high")
        .contains("CC BY-SA 3.0", "FRZ031900012")
        .contains("href=\"/albums/" + ExplorerFixture.ALBUM_ID + "\"")
        .contains("Similar tracks");
    assertEscaped(body);

    Track demo =
        catalog.readFirst(CatalogStore.TRACKS, 50).stream()
            .filter(t -> !t.features().isEmpty())
            .findFirst()
            .orElseThrow();
    String demoPage = page("/tracks/" + demo.id());
    assertThat(demoPage)
        .contains("aria-label=\"Audio features: ", "Similar tracks")
        .contains("No waveform")
        .containsPattern("id=\"track-similar\"[\\s\\S]*data-track-id=\"\\d+\"");
  }

  @Test
  void playlistPageShowsItsTracksOwnerAndZip() throws Exception {
    String body = page("/playlists/" + ExplorerFixture.PLAYLIST_ID);

    assertThat(body)
        .contains("&lt;i&gt;Zyx&lt;/i&gt; mix &amp; &quot;more&quot;")
        .contains("&lt;u&gt;Zyx&lt;/u&gt; listener")
        .contains("data-play-tracks=\"" + ExplorerFixture.FIRST_TRACK_ID)
        .contains("/audio/playlist/" + ExplorerFixture.PLAYLIST_ID + "/mp32/zip?exp=");
    assertEscaped(body);

    Playlist demo =
        catalog.readFirst(LibraryTables.PLAYLISTS, 10).stream()
            .filter(p -> p.id() != ExplorerFixture.PLAYLIST_ID && !p.trackIds().isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(page("/playlists/" + demo.id()))
        .contains("href=\"/tracks/" + demo.trackIds().getFirst() + "\"");
  }

  @Test
  void radiosPageShowsWhatEachRadioPlaysNow() throws Exception {
    String body = page("/radios");

    assertThat(body).contains("Best Of", "Rock", "Zyx &lt;em&gt;Radio&lt;/em&gt;");
    assertThat(body).contains("Playing now").containsPattern("href=\"/tracks/\\d+\"");
    assertThat(body).contains("Silent: no track in the catalog carries its tags.");
    assertThat(body).contains("hx-trigger=\"every 30s\"");
    assertEscaped(body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/artists/987654321",
        "/albums/987654321",
        "/tracks/987654321",
        "/playlists/987654321",
        "/albums/-1"
      })
  void unknownIdsAnswerTheNotFoundPage(String path) throws Exception {
    RawHttp.Response r = get(path);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("404 Not Found", "There is no").doesNotContain("Whitelabel");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/artists/abc",
        "/albums/1.5",
        "/tracks/99999999999999999999",
        "/playlists/%3Cscript%3E",
        "/search?q=x&tracks=0",
        "/search?q=x&albums=abc",
        "/search?q=x&playlists=-2",
        "/search?q=x&tracks=99999"
      })
  void malformedIdsAndParametersAnswerTheBadRequestPage(String path) throws Exception {
    RawHttp.Response r = get(path);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("400 Bad Request").doesNotContain("Whitelabel", "<script>");
  }

  @Test
  void anOverlongSearchIsRefusedNamingTheParameter() throws Exception {
    RawHttp.Response r = get("/search?q=" + "a".repeat(201));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("“q” is too long");
  }

  @Test
  void aSearchTextWithHtmlIsEscapedWhereverItIsEchoed() throws Exception {
    String body = page("/search?q=" + q("<script>alert(1)</script>"));

    assertThat(body).doesNotContain("<script>alert(1)");
    assertThat(body).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
  }

  @Test
  void listsWithoutAnIdLeadToTheExplorer() throws Exception {
    RawHttp.Response r = get("/albums");

    assertThat(r.status()).isEqualTo(302);
    assertThat(r.header("Location")).endsWith("/search");
  }
}

package dev.stave.site.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.RawHttp;
import dev.stave.testsupport.SiteDemoAudio;
import dev.stave.testsupport.StavePlayerSiteTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The playground as a plain GET form, without script (what a browser without JavaScript, or a
 * shared link, asks): seeds give a list of recommendations, a target changes it, the state is in
 * the URL, bad parameters are reported next to their field; and the suggestions of the seed search.
 */
@StavePlayerSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundTest {
  private static final Pattern RESULT = Pattern.compile("data-track-id=\"(\\d+)\"");

  @LocalServerPort int port;
  @Autowired SiteDemoAudio audio;
  @Autowired JdbcTemplate jdbc;

  private SiteDemoAudio.Linked linked;

  @BeforeAll
  void giveAnAlbumAudio() {
    linked = audio.link();
  }

  private RawHttp.Response get(String path) throws Exception {
    return new RawHttp(port).get(path, "Accept: text/html");
  }

  private static List<Long> results(String html) {
    Matcher m = RESULT.matcher(html);
    List<Long> ids = new java.util.ArrayList<>();
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private long seed() {
    return jdbc.queryForObject(
        "SELECT MIN(id) FROM tracks WHERE energy IS NOT NULL AND energy BETWEEN 0.4 AND 0.6",
        Long.class);
  }

  @Test
  void aSeedGivesRecommendationsAndATargetChangesThem() throws Exception {
    long seed = seed();
    RawHttp.Response plain = get("/playground?seed=" + seed);

    assertThat(plain.status()).isEqualTo(200);
    List<Long> before = results(plain.body());
    assertThat(before).hasSize(PlaygroundController.RESULTS).doesNotContain(seed);
    assertThat(plain.body())
        .contains("name=\"seed\" value=\"" + seed + "\"")
        .as("each result can become a seed")
        .contains("href=\"/playground?seed=" + seed + "&amp;seed=" + before.getFirst() + "\"")
        .as("the removal link leads to the state without the seed")
        .contains("href=\"/playground\"");

    RawHttp.Response energetic = get("/playground?seed=" + seed + "&t=energy&energy=1&weight=5");
    List<Long> after = results(energetic.body());
    assertThat(after).hasSize(PlaygroundController.RESULTS).isNotEqualTo(before);
    double meanBefore = meanEnergy(before);
    double meanAfter = meanEnergy(after);
    assertThat(meanAfter).as("energy target 1 raises the list's energy").isGreaterThan(meanBefore);
    assertThat(energetic.body())
        .containsPattern("id=\"use-energy\"\\s+class=\"target-toggle\" checked=\"checked\"")
        .containsPattern("id=\"energy\"[^>]*value=\"1\"");
  }

  private double meanEnergy(List<Long> ids) {
    return ids.stream()
        .mapToDouble(
            id ->
                jdbc.queryForObject(
                    "SELECT COALESCE(energy, 0.5) FROM tracks WHERE id = ?", Double.class, id))
        .average()
        .orElseThrow();
  }

  @Test
  void aPlayableSeedAndResultHavePlayButtons() throws Exception {
    String body = get("/playground?seed=" + linked.trackIds().get(0)).body();

    assertThat(body)
        .contains("data-play-track=\"" + linked.trackIds().get(0) + "\"")
        .contains("data-play-tracks=\"" + linked.trackIds().get(0) + "\"");
  }

  @Test
  void badParametersAreReportedNextToTheirFieldAndTheRestStillAnswers() throws Exception {
    long seed = seed();
    RawHttp.Response r =
        get(
            "/playground?seed="
                + seed
                + "&seed=abc&seed=999999999&t=energy&energy=7&tempo=fast&weight=9&t=nope");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains("seed: “abc” is not a track id.")
        .contains("energy: 7 is outside 0…1.")
        .contains("tempo: “fast” is not a number.")
        .contains("weight: 9 is outside 1…5.");
    assertThat(results(r.body())).hasSize(PlaygroundController.RESULTS);

    assertThat(get("/playground?seed=999999999").body())
        .contains("seed: no track 999999999 in this catalog.");
    assertThat(get("/playground?seed=1&seed=2&seed=3&seed=4&seed=5&seed=6").body())
        .contains("seed: at most 5 seed tracks; the first 5 are used.");
  }

  @Test
  void theSeedSearchSuggestsTracksWithLinksThatAddThem() throws Exception {
    long seed = seed();
    String name = jdbc.queryForObject("SELECT name FROM tracks WHERE id = ?", String.class, seed);
    String word = name.split("\\s+")[0];

    RawHttp.Response r =
        get(
            "/playground/seeds?q="
                + java.net.URLEncoder.encode(word, "UTF-8")
                + "&t=energy&energy=0.8");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).startsWith("<div id=\"seed-suggestions\"").doesNotContain("<html");
    assertThat(r.body())
        .contains("Tracks matching “" + word + "”")
        .containsPattern("href=\"/playground\\?seed=\\d+&amp;t=energy&amp;energy=0.8\"");

    String prefix = word.substring(0, Math.min(3, word.length()));
    assertThat(get("/playground/seeds?q=" + java.net.URLEncoder.encode(prefix, "UTF-8")).body())
        .as("a word still being typed finds names that start with it")
        .contains("class=\"button add-seed\"");
  }

  @Test
  void withoutSeedsThePageOffersPopularTracksToStartFrom() throws Exception {
    String body = get("/playground").body();

    assertThat(body)
        .contains("Popular tracks to start from", "Add a seed track to see recommendations.");
    assertThat(body).containsPattern("href=\"/playground\\?seed=\\d+\"");
  }
}

package dev.stave.site.player;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.SiteDemoAudio;
import dev.stave.testsupport.StavePlayerSiteTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /tracks/{id}/playable} over HTTP, as the player script asks it: a track with audio
 * gets its metadata and signed sources that stream with Range; a track without audio a message; a
 * bad or unknown id a JSON error naming the parameter.
 */
@StavePlayerSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlayableEndpointTest {
  @LocalServerPort int port;
  @Autowired SiteDemoAudio audio;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private SiteDemoAudio.Linked linked;

  @BeforeAll
  void giveAnAlbumAudio() {
    linked = audio.link();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTrackWithAudioHasSignedSourcesThatStreamWithRange() throws Exception {
    long id = linked.trackIds().get(1);
    HttpResponse<String> r = get("/tracks/" + id + "/playable");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode t = json.readTree(r.body());
    String title = jdbc.queryForObject("SELECT name FROM tracks WHERE id = ?", String.class, id);
    assertThat(t.get("title").asString()).isEqualTo(title);
    assertThat(t.get("artist").asString()).isNotBlank();
    assertThat(t.get("album").asString()).isNotBlank();
    assertThat(t.get("cover").asString()).isEqualTo("/images/track/" + id + "?width=300");
    assertThat(t.get("page").asString()).isEqualTo("/tracks/" + id);
    assertThat(t.get("playable").asBoolean()).isTrue();
    assertThat(t.get("message").isNull()).isTrue();
    List<String> formats =
        t.get("sources").valueStream().map(s -> s.get("format").asString()).toList();
    assertThat(formats).containsExactlyInAnyOrder("mp31", "mp32", "ogg", "flac");
    JsonNode first = t.get("sources").get(0);
    assertThat(first.get("original").asBoolean())
        .as("the 64 kbps MP3 original is offered first, as it is served without a transcode")
        .isTrue();
    assertThat(first.get("type").asString()).isEqualTo("audio/mpeg");
    String url = first.get("url").asString();
    assertThat(url).startsWith("/audio/track/" + id + "/").contains("exp=", "sig=");

    HttpResponse<String> part = get(url, "Range", "bytes=1000-1999");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(part.headers().firstValue("Content-Range"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("bytes 1000-1999/"));
  }

  @Test
  void aTrackWithoutAudioSaysSo() throws Exception {
    long id =
        jdbc.queryForObject(
            "SELECT MIN(id) FROM tracks t WHERE NOT EXISTS"
                + " (SELECT 1 FROM audio_files f WHERE f.track_id = t.id)",
            Long.class);
    JsonNode t = json.readTree(get("/tracks/" + id + "/playable").body());

    assertThat(t.get("playable").asBoolean()).isFalse();
    assertThat(t.get("sources").size()).isZero();
    assertThat(t.get("message").asString()).isEqualTo(PlayableTrack.NO_AUDIO);
    assertThat(t.get("title").asString()).isNotBlank();
  }

  @Test
  void aBadOrUnknownIdIsAJsonErrorNamingIt() throws Exception {
    HttpResponse<String> bad = get("/tracks/abc/playable");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("error").asString())
        .startsWith("id: ")
        .contains("abc");

    HttpResponse<String> unknown = get("/tracks/987654321/playable");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json.readTree(unknown.body()).get("error").asString())
        .isEqualTo("id: no track 987654321 in this catalog");
  }
}

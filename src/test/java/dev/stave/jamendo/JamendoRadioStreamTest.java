package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogFixtures;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.radio.Programme;
import dev.stave.search.SearchIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /v3.0/radios/stream} on a clock the test sets: every caller hears the same track at
 * the same instant, {@code callmeback} counts down to the end of the track, and at that instant the
 * next track starts.
 */
// The context owns files in this class's temporary data directory (store, search index): close it
// with the class, before JUnit deletes the directory, rather than keep it cached.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoRadioStreamTest {
  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
    registry.add("stave.public-url", () -> "https://music.example");
  }

  /** A clock that stands still until the test moves it. */
  static final class SetClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    SetClock clock() {
      return new SetClock();
    }
  }

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.250Z");

  /** Rock tracks and their durations in ms, all different so a callmeback names its track. */
  private static final Map<Long, Long> ROCK =
      Map.of(200L, 181_000L, 201L, 242_500L, 202L, 95_750L, 203L, 310_000L, 204L, 127_125L);

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired CatalogStore store;
  @Autowired SearchIndex index;
  @Autowired SetClock clock;

  private JamendoHttp http;
  private String clientId;

  @BeforeEach
  void setUp() {
    http = new JamendoHttp(port);
    clientId = apps.create("radio test").clientId();
    clock.now.set(T0);
    List<Track> tracks = new ArrayList<>();
    ROCK.forEach((id, ms) -> tracks.add(track(id, 10L, ms, "rock")));
    tracks.add(track(300, null, 200_000, "jazz"));
    store.write(
        new CatalogBatch(
            List.of(CatalogFixtures.artist(1, "Ana")),
            List.of(CatalogFixtures.album(10, List.of(1L), null)),
            tracks));
    store.write(
        EditorialTables.RADIOS,
        List.of(
            new Radio(21, "rock", "Rock", "www", "https://img.example/rock.jpg", List.of("rock")),
            new Radio(22, "jazz", "Jazz", "www", null, List.of("jazz", "swing")),
            new Radio(23, "polka", "Polka", "www", null, List.of("polka")),
            new Radio(24, "rockpro", "Rock Pro", "pro", null, List.of("rock"))));
    index.catchUp();
  }

  private static Track track(long id, Long album, long durationMs, String genre) {
    Track t = CatalogFixtures.track(id, album, List.of(1L), null);
    return new Track(
        t.id(),
        null,
        "Song " + id,
        t.albumId(),
        t.position(),
        t.disc(),
        durationMs,
        t.releaseDate(),
        t.licenseUrl(),
        t.musicInfo(),
        t.lyrics(),
        t.externalIds(),
        t.popularity(),
        t.availableCountries(),
        t.flags(),
        t.stats(),
        t.features(),
        t.artistIds(),
        List.of(new Tag(Tag.GENRE, genre)));
  }

  private JsonNode stream(String query) throws Exception {
    return stream(clientId, query);
  }

  private JsonNode stream(String client, String query) throws Exception {
    JsonNode doc = http.json("/v3.0/radios/stream/?client_id=" + client + query);
    assertThat(doc.get("headers").get("code").asInt()).as(doc.toString()).isZero();
    assertThat(doc.get("results").size()).as(doc.toString()).isEqualTo(1);
    return doc.get("results").get(0);
  }

  private static long playing(JsonNode radio) {
    return Long.parseLong(radio.get("playingnow").get("track_id").asString());
  }

  @Test
  void theSameInstantGivesEveryCallerTheSameTrack() throws Exception {
    JsonNode first = stream("&name=rock");
    JsonNode again = stream(apps.create("another listener").clientId(), "&id=21");
    assertThat(playing(again)).isEqualTo(playing(first));
    assertThat(again.get("callmeback").asLong()).isEqualTo(first.get("callmeback").asLong());
    assertThat(ROCK).containsKey(playing(first));
    // the same running order as a programme built afresh over the same pool: nothing but the
    // catalog and the clock decides what plays, so a restarted server (or another node) agrees
    List<Programme.Entry> pool = new ArrayList<>();
    ROCK.forEach((id, ms) -> pool.add(new Programme.Entry(id, ms)));
    Programme.Slot expected = new Programme(21, pool).at(T0);
    assertThat(playing(first)).isEqualTo(expected.trackId());
    assertThat(first.get("callmeback").asLong()).isEqualTo(expected.remainingMs(T0));
  }

  @Test
  void callmebackCountsDownAndThenTheNextTrackStarts() throws Exception {
    JsonNode now = stream("&name=rock");
    long track = playing(now);
    long callmeback = now.get("callmeback").asLong();
    assertThat(callmeback).isPositive().isLessThanOrEqualTo(ROCK.get(track));

    clock.now.set(T0.plusMillis(callmeback - 1));
    JsonNode later = stream("&name=rock");
    assertThat(playing(later)).isEqualTo(track);
    assertThat(later.get("callmeback").asLong()).isEqualTo(1);

    clock.now.set(T0.plusMillis(callmeback));
    JsonNode next = stream("&name=rock");
    long nextTrack = playing(next);
    assertThat(nextTrack).isNotEqualTo(track);
    assertThat(ROCK).containsKey(nextTrack);
    // the next track has just started: it plays for its whole duration
    assertThat(next.get("callmeback").asLong()).isEqualTo(ROCK.get(nextTrack));
  }

  @Test
  void aStreamHasTheRadioFieldsTheStreamUrlAndThePlayingTrack() throws Exception {
    JsonNode r = stream("&name=jazz&track_imagesize=100");
    assertThat(r.get("id").isInt()).isTrue();
    assertThat(r.get("id").asInt()).isEqualTo(22);
    assertThat(r.get("name").asString()).isEqualTo("jazz");
    assertThat(r.get("dispname").asString()).isEqualTo("Jazz");
    assertThat(r.get("type").asString()).isEqualTo("www");
    assertThat(r.get("stream").asString()).isEqualTo("https://music.example/audio/radio/22");
    JsonNode p = r.get("playingnow");
    assertThat(p.get("track_id").asString()).isEqualTo("300");
    assertThat(p.get("track_name").asString()).isEqualTo("Song 300");
    assertThat(p.get("artist_id").asString()).isEqualTo("1");
    assertThat(p.get("artist_name").asString()).isEqualTo("Ana");
    assertThat(p.get("album_id").asString()).as("a single").isEmpty();
    assertThat(p.get("album_name").asString()).isEmpty();
    assertThat(p.get("track_image").asString())
        .isEqualTo("https://music.example/images/track/300?width=100");
    assertThat(r.get("callmeback").asLong()).isPositive().isLessThanOrEqualTo(200_000);

    JsonNode rock = stream("&id=21&imagesize=30");
    assertThat(rock.get("image").asString()).isEqualTo("https://img.example/rock.jpg?width=30");
    assertThat(rock.get("playingnow").get("album_id").asString()).isEqualTo("10");
    assertThat(rock.get("playingnow").get("album_name").asString()).isEqualTo("Album 10");
    assertThat(rock.get("playingnow").get("track_image").asString())
        .isEqualTo("https://img.example.org/album/10.jpg?width=300");
  }

  @Test
  void aRadioWithNothingToPlayAnswersEmptyFields() throws Exception {
    JsonNode r = stream("&name=polka");
    assertThat(r.get("playingnow").get("track_id").asString()).isEmpty();
    assertThat(r.get("playingnow").get("artist_name").asString()).isEmpty();
    assertThat(r.get("callmeback").asString()).isEmpty();
  }

  @Test
  void radiosAreSelectedByIdNameAndType() throws Exception {
    String base = "/v3.0/radios/stream?client_id=" + clientId;
    assertThat(http.json(base + "&name=rockpro").get("results").size())
        .as("www radios by default")
        .isZero();
    assertThat(stream("&name=rockpro&type=pro").get("id").asInt()).isEqualTo(24);
    assertThat(http.json(base + "&id=21&name=jazz").get("results").size()).isZero();
    assertThat(
            http.json(base + "&id=99&fullcount=1").get("headers").get("results_fullcount").asInt())
        .isZero();
  }

  @Test
  void errorsNameTheParameters() throws Exception {
    String base = "/v3.0/radios/stream/?client_id=" + clientId;
    JsonNode missing = http.headers(base);
    assertThat(missing.get("code").asInt()).isEqualTo(4);
    assertThat(missing.get("error_message").asString()).contains("'id'").contains("'name'");
    assertThat(http.headers(base + "&id=rock").get("code").asInt()).isEqualTo(3);
    assertThat(http.headers(base + "&id=21&track_imagesize=301").get("code").asInt()).isEqualTo(3);
    assertThat(http.headers("/v3.0/radios/stream/?client_id=deadbeef&id=21").get("code").asInt())
        .isEqualTo(5);
    assertThat(http.headers(base + "&id=21&limit=5").get("warnings").asString()).contains("limit");
  }
}

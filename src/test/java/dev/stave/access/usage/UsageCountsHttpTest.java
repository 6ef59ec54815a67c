package dev.stave.access.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.access.limits.AppLimits;
import dev.stave.access.limits.AppLimitsStore;
import dev.stave.testsupport.StaveWebTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests through HTTP are counted per app, dialect, method and answer code, refusals by a rate
 * limit among them, and the report the usage pages draw shows them once the meter has flushed.
 */
// Shares the plain @StaveWebTest server: the test uses apps of its own.
@StaveWebTest
class UsageCountsHttpTest {
  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired AppLimitsStore limits;
  @Autowired UsageMeter meter;
  @Autowired UsageReports reports;
  @Autowired UsageStore store;

  private final HttpClient http = HttpClient.newHttpClient();

  private int get(String pathAndQuery) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void countsEachJamendoCallOfAnAppByMethodAndCode() throws Exception {
    String id = apps.create("usage counted").clientId();
    get("/v3.0/tracks?client_id=" + id + "&limit=2");
    get("/v3.0/tracks?client_id=" + id + "&format=json&limit=1");
    get("/v3.0/albums?client_id=" + id);
    get("/v3.0/tracks?client_id=" + id + "&limit=abc"); // code 3
    get("/v3.0/tracks/file?client_id=" + id + "&id=999999999"); // no such track: HTTP 404
    get("/v3.0/tracks?client_id=0000notregistered"); // code 5, no app
    meter.flush();

    UsageReport r = reports.report(id);
    assertThat(sum(r.perHour().get("jamendo tracks"))).isEqualTo(3);
    assertThat(sum(r.perDay().get("jamendo tracks"))).isEqualTo(3);
    assertThat(sum(r.perHour().get("jamendo albums"))).isEqualTo(1);
    assertThat(sum(r.perHour().get("jamendo tracks/file"))).isEqualTo(1);
    assertThat(r.perHour().get("jamendo tracks")[UsageReports.HOURS - 1]).isEqualTo(3);
    assertThat(r.statuses()).containsEntry("jamendo 0", 3L).containsEntry("jamendo 3", 1L);
    assertThat(r.statuses()).containsEntry("jamendo 404", 1L);
    assertThat(r.total()).isEqualTo(5);
    assertThat(r.refused()).isZero();
    assertThat(r.monthUsed()).isEqualTo(5);
    assertThat(r.monthlyQuota()).isEqualTo(500_000);
  }

  @Test
  void countsRateLimitRefusalsAndTheSuspendedAppsCalls() throws Exception {
    String id = apps.create("usage refused").clientId();
    limits.set(id, new AppLimits(2L, 1000L));
    for (int i = 0; i < 4; i++) {
      get("/v3.0/artists?client_id=" + id);
    }
    meter.flush();

    UsageReport r = reports.report(id);
    assertThat(r.statuses()).containsEntry("jamendo 0", 2L).containsEntry("jamendo 6", 2L);
    assertThat(r.refused()).isEqualTo(2);
    assertThat(r.refusedPerDay()[UsageReports.DAYS - 1]).isEqualTo(2);
    assertThat(r.monthUsed()).isEqualTo(2);
    assertThat(r.monthlyQuota()).isEqualTo(1000);
  }

  @Test
  void countsReccoBeatsCallsUnderNoAppByEndpointPattern() throws Exception {
    long before = noAppCount("track/{id}");
    get("/v1/track/00000000-0000-0000-0000-000000000000");
    get("/v1/nowhere/at/all");
    meter.flush();

    assertThat(noAppCount("track/{id}") - before).isEqualTo(1);
    assertThat(
            store.rows(UsageRecorder.NO_APP, 0, Long.MAX_VALUE).stream()
                .filter(row -> row.dialect().equals("reccobeats") && row.status().equals("404"))
                .mapToLong(UsageStore.Row::requests)
                .sum())
        .isGreaterThanOrEqualTo(2);
  }

  private long noAppCount(String method) {
    return store.rows(UsageRecorder.NO_APP, 0, Long.MAX_VALUE).stream()
        .filter(row -> row.dialect().equals("reccobeats") && row.method().equals(method))
        .mapToLong(UsageStore.Row::requests)
        .sum();
  }

  private static long sum(long[] series) {
    return series == null ? 0 : Arrays.stream(series).sum();
  }
}

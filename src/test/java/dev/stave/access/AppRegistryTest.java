package dev.stave.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stave.cli.StaveCommand;
import dev.stave.testsupport.BothStores;
import dev.stave.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

@BothStores
class AppRegistryTest {
  private final AppRegistry apps;
  private final JdbcTemplate jdbc;

  AppRegistryTest(AppRegistry apps, JdbcTemplate jdbc) {
    this.apps = apps;
    this.jdbc = jdbc;
  }

  @Test
  void createsAnActiveAppWithAnUnguessableClientId() {
    Instant before = Instant.now();
    App app = apps.create("  Player  ");

    assertThat(app.clientId()).matches("[0-9a-f]{32}");
    assertThat(app.name()).isEqualTo("Player");
    assertThat(app.active()).isTrue();
    assertThat(apps.find(app.clientId())).contains(app);
    assertThat(app.createdAt()).isBetween(before, Instant.now());
    assertThat(apps.create("Player").clientId()).isNotEqualTo(app.clientId());
  }

  @Test
  void storesCreationTimesAtAFixedWidthSoThatTextOrderIsTimeOrder() {
    App app = apps.create("Fixed width");
    String stored =
        jdbc.queryForObject(
            "SELECT created_at FROM apps WHERE client_id = ?", String.class, app.clientId());
    assertThat(stored).hasSize("2026-01-01T00:00:00.000000000Z".length()).endsWith("Z");
    assertThat(Instant.parse(stored)).isEqualTo(app.createdAt());
  }

  @Test
  void listsByCreationTimeWhateverTheFractionOfASecond() {
    List<Instant> times =
        List.of(
            Instant.parse("2001-01-01T00:00:56Z"),
            Instant.parse("2001-01-01T00:00:56.123Z"),
            Instant.parse("2001-01-01T00:00:56.123456Z"),
            Instant.parse("2001-01-01T00:00:56.5Z"),
            Instant.parse("2001-01-01T00:00:57Z"));
    for (int i : new int[] {3, 0, 4, 2, 1}) {
      jdbc.update(
          "INSERT INTO apps (client_id, name, state, created_at) VALUES (?, ?, 'active', ?)",
          "fraction" + i,
          "fraction " + i,
          AppRegistry.createdAtText(times.get(i)));
    }

    assertThat(apps.list().stream().filter(a -> a.clientId().startsWith("fraction")).toList())
        .extracting(App::createdAt)
        .containsExactlyElementsOf(times);
  }

  @Test
  void rejectsANamelessApp() {
    assertThatThrownBy(() -> apps.create(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> apps.create(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsAppsInCreationOrder() {
    List<App> created = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      created.add(apps.create("listed " + i));
    }
    List<App> listed = apps.list().stream().filter(a -> a.name().startsWith("listed ")).toList();
    assertThat(listed).containsExactlyElementsOf(created);
  }

  @Test
  void suspendsAndResumes() {
    App app = apps.create("Flaky client");

    App suspended = apps.setState(app.clientId(), App.State.SUSPENDED);
    assertThat(suspended.active()).isFalse();
    assertThat(apps.find(app.clientId()).orElseThrow().state()).isEqualTo(App.State.SUSPENDED);

    App resumed = apps.setState(app.clientId(), App.State.ACTIVE);
    assertThat(resumed).isEqualTo(app);
  }

  @Test
  void unknownClientIdsAreNotFound() {
    assertThat(apps.find("0123456789abcdef0123456789abcdef")).isEmpty();
    assertThat(apps.find(null)).isEmpty();
    assertThatThrownBy(() -> apps.setState("nope", App.State.SUSPENDED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void theCliManagesAppsInTheSameStore(TestDatabase db) {
    List<String> create = new ArrayList<>(List.of("apps", "create"));
    create.addAll(db.cliOptions());
    create.add("From the CLI");

    assertThat(StaveCommand.run(create.toArray(String[]::new))).isZero();

    App app =
        apps.list().stream().filter(a -> a.name().equals("From the CLI")).findFirst().orElseThrow();
    List<String> suspend = new ArrayList<>(List.of("apps", "suspend"));
    suspend.addAll(db.cliOptions());
    suspend.add(app.clientId());
    assertThat(StaveCommand.run(suspend.toArray(String[]::new))).isZero();
    assertThat(apps.find(app.clientId()).orElseThrow().active()).isFalse();

    List<String> unknown = new ArrayList<>(List.of("apps", "resume"));
    unknown.addAll(db.cliOptions());
    unknown.add("no-such-app");
    assertThat(StaveCommand.run(unknown.toArray(String[]::new))).isEqualTo(2);
  }
}

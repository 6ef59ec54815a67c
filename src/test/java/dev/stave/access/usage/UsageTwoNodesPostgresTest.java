package dev.stave.access.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.StaveApplication;
import dev.stave.access.AppRegistry;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances on one PostgreSQL database — two Stave contexts, each with its own meter,
 * connection pool and data directory — count into the same rows: the usage report read on either
 * node is the sum of both nodes' requests, also when both flush the same app and hour.
 */
class UsageTwoNodesPostgresTest {
  @TempDir static Path dirs;
  private static TestDatabase db;
  private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();

  @BeforeAll
  static void startTwoNodes() throws IOException {
    db = TestDatabases.postgres(Files.createDirectories(dirs.resolve("a")));
    node(db.dataDir());
    node(Files.createDirectories(dirs.resolve("b")));
  }

  private static void node(Path dataDir) {
    NODES.add(start(dataDir));
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    Map<String, String> props = new LinkedHashMap<>(db.springProperties());
    props.put("stave.data-dir", dataDir.toString());
    props.put("stave.search.auto-start", "false");
    props.put("logging.level.root", "WARN");
    props.put("stave.usage.flush-interval", "1h"); // the test flushes by hand
    return app.run(
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    NODES.forEach(ConfigurableApplicationContext::close);
    if (db != null) {
      TestDatabases.drop(db);
    }
  }

  private static <T> T bean(int node, Class<T> type) {
    return NODES.get(node).getBean(type);
  }

  @Test
  void bothNodesCountsAddUpToOneFigure() {
    String id = bean(0, AppRegistry.class).create("two nodes").clientId();
    for (int i = 0; i < 3; i++) {
      bean(0, UsageMeter.class).count(id, "jamendo", "tracks", "0", false);
    }
    for (int i = 0; i < 4; i++) {
      bean(1, UsageMeter.class).count(id, "jamendo", "tracks", "0", false);
    }
    bean(1, UsageMeter.class).count(id, "jamendo", "tracks", "6", true);
    bean(0, UsageMeter.class).flush();
    bean(1, UsageMeter.class).flush();
    bean(0, UsageMeter.class).count(id, "jamendo", "tracks", "0", false);
    bean(0, UsageMeter.class).flush();

    for (int node = 0; node < 2; node++) {
      UsageReport r = bean(node, UsageReports.class).report(id);
      assertThat(Arrays.stream(r.perHour().get("jamendo tracks")).sum()).isEqualTo(9);
      assertThat(r.statuses()).containsEntry("jamendo 0", 8L).containsEntry("jamendo 6", 1L);
      assertThat(r.refused()).isEqualTo(1);
    }
  }

  @Test
  void aStoppingNodeFlushesWhatItCounted() {
    String id = bean(0, AppRegistry.class).create("stopping node").clientId();
    try (ConfigurableApplicationContext c = start(dirs.resolve("c"))) {
      c.getBean(UsageMeter.class).count(id, "jamendo", "albums", "0", false);
    }
    UsageReport r = bean(1, UsageReports.class).report(id);
    assertThat(Arrays.stream(r.perHour().get("jamendo albums")).sum()).isEqualTo(1);
  }
}

package dev.stave.cli;

import dev.stave.StaveApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context a command needs: with the web server for serve, without otherwise. */
final class SpringContexts {
  private SpringContexts() {}

  static ConfigurableApplicationContext start(
      StoreOptions store, boolean web, Map<String, Object> extra) {
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
    Map<String, Object> overrides = new HashMap<>(store.asProperties());
    overrides.putAll(extra);
    if (!web) {
      // Commands print their own progress; keep the log to warnings.
      overrides.putIfAbsent("logging.level.root", "WARN");
      overrides.putIfAbsent("logging.level.dev.stave", "WARN");
    }
    // Passed as command-line properties: they outrank every other source, and logging sees them.
    String[] args =
        overrides.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return app.run(args);
  }
}

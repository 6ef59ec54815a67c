package dev.stave.testsupport;

import dev.stave.StaveApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Stave's real Spring wiring (no web server) on a test store. */
public final class StaveTestContexts {
  private StaveTestContexts() {}

  /**
   * Starts the application context on {@code db}: storage configuration, Flyway migrations and
   * every component, as {@code stave} commands get them. The caller closes it.
   */
  public static ConfigurableApplicationContext start(TestDatabase db, String... extraArgs) {
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    List<String> args = new ArrayList<>(List.of(db.springArgs()));
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(extraArgs));
    return app.run(args.toArray(String[]::new));
  }
}

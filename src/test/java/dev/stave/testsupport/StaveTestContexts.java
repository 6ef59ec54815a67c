package dev.stave.testsupport;

import dev.stave.StaveApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Stave's real Spring wiring (without or with a web server) on a test store. */
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

  /**
   * {@link #start} with the web server on a free port of 127.0.0.1 ({@link #port}), for tests that
   * call a store they chose (e.g. PostgreSQL) over HTTP.
   */
  public static ConfigurableApplicationContext startServer(TestDatabase db, String... extraArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.main.web-application-type=servlet",
                "--server.port=0",
                "--server.address=127.0.0.1"));
    args.addAll(List.of(extraArgs));
    return start(db, args.toArray(String[]::new));
  }

  /** The port the server of {@code ctx} ({@link #startServer}) listens on. */
  public static int port(ConfigurableApplicationContext ctx) {
    return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
  }
}

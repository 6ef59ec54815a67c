package dev.stave.cli;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.catalog.CatalogStore;
import dev.stave.config.StaveProperties;
import java.io.PrintStream;
import java.util.List;

/**
 * What {@code stave serve} does on a fresh data directory: make sure there is an app to call the
 * API with, then tell the operator how to use the server.
 */
final class FirstRun {
  private final AppRegistry apps;
  private final CatalogStore catalog;
  private final StaveProperties props;

  FirstRun(AppRegistry apps, CatalogStore catalog, StaveProperties props) {
    this.apps = apps;
    this.catalog = catalog;
    this.props = props;
  }

  /** Creates the demo app when no app exists yet; returns the app to advertise. */
  App ensureDemoApp() {
    List<App> all = apps.list();
    return all.stream().filter(App::active).findFirst().orElseGet(() -> apps.create("demo"));
  }

  void printWelcome(PrintStream out, String baseUrl, App app) {
    out.printf(
        """

        Stave is serving %d tracks, %d albums and %d artists at %s
          data directory : %s
          client id      : %s  (app '%s'; more with: ./stave apps create NAME)
          health         : %s/actuator/health    metrics: %s/actuator/prometheus
          import data    : ./stave import mtg-jamendo|spotify-csv|jamendo-xml|jsonl FILE... --data %s
          (see README.md, "Importing a catalog")

        """,
        catalog.count("tracks"),
        catalog.count("albums"),
        catalog.count("artists"),
        baseUrl,
        props.dataDir().toAbsolutePath().normalize(),
        app.clientId(),
        app.name(),
        baseUrl,
        baseUrl,
        props.dataDir());
  }
}

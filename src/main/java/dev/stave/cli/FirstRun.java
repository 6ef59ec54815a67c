package dev.stave.cli;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.demo.DemoCatalog;
import dev.stave.ingest.demo.DemoReport;
import dev.stave.ingest.demo.ProgressListener;
import dev.stave.library.LibraryStore;
import java.io.PrintStream;
import java.util.List;

/**
 * What {@code stave serve} does on a fresh data directory: make sure there is an app to call the
 * API with, then tell the operator how to use the server.
 */
final class FirstRun {
  private final AppRegistry apps;
  private final CatalogStore catalog;
  private final LibraryStore library;
  private final StaveProperties props;

  FirstRun(AppRegistry apps, CatalogStore catalog, LibraryStore library, StaveProperties props) {
    this.apps = apps;
    this.catalog = catalog;
    this.library = library;
    this.props = props;
  }

  /**
   * Genre radios every fresh server starts with (Jamendo's own radio names); an operator can
   * replace them by importing radios. Each plays tracks carrying its tags.
   */
  static final List<Radio> DEFAULT_RADIOS =
      List.of(
          new Radio(1, "bestof", "Best Of", "www", null, List.of()),
          new Radio(2, "rock", "Rock", "www", null, List.of("rock", "punkrock", "hardrock")),
          new Radio(3, "pop", "Pop", "www", null, List.of("pop", "poprock", "synthpop")),
          new Radio(4, "electro", "Electro", "www", null, List.of("electronic", "techno", "house")),
          new Radio(5, "lounge", "Lounge", "www", null, List.of("lounge", "chillout", "ambient")),
          new Radio(6, "jazz", "Jazz", "www", null, List.of("jazz", "blues", "swing")),
          new Radio(7, "classical", "Classical", "www", null, List.of("classical", "orchestral")),
          new Radio(8, "hiphop", "Hip Hop", "www", null, List.of("hiphop", "rap")),
          new Radio(9, "world", "World", "www", null, List.of("world", "reggae", "latin")),
          new Radio(10, "metal", "Metal", "www", null, List.of("metal", "heavymetal")),
          new Radio(
              11, "soundtrack", "Soundtrack", "www", null, List.of("soundtrack", "filmscore")));

  /** Seeds the default radios when the server has none. */
  void ensureRadios() {
    if (catalog.readFirst(EditorialTables.RADIOS, 1).isEmpty()) {
      catalog.write(EditorialTables.RADIOS, DEFAULT_RADIOS);
    }
  }

  /** Tracks in the demo catalog a fresh server starts with; `stave demo` makes bigger ones. */
  static final int DEMO_TRACKS = 2_000;

  static final long DEMO_SEED = 42;

  /**
   * Seeds the demo catalog when the store holds no track, then lets the projections (the search
   * index) catch up. Returns the number of tracks seeded (0 when the catalog was not empty).
   */
  long seedDemoCatalogIfEmpty(List<ChangeFollower> followers) {
    if (catalog.count("tracks") > 0) {
      return 0;
    }
    DemoReport report =
        DemoCatalog.seed(catalog, library, DEMO_TRACKS, DEMO_SEED, ProgressListener.NONE);
    ChangeFollower.catchUpAll(followers, note -> {});
    return report.tracksCreated();
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

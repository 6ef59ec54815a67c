package dev.stave.cli;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.config.StaveProperties;
import dev.stave.ingest.demo.audio.DemoAudio;
import dev.stave.library.LibraryStore;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the API server.",
      "On an empty data directory a small demo catalog and a demo app are created first, and"
          + " audio for a share of the demo tracks is made in the background"
          + " (stave.demo.audio.enabled=false turns that off)."
    })
public class ServeCommand implements Callable<Integer> {
  @Mixin StoreOptions store;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default 8080, or server.port)")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
  String bind;

  @Override
  public Integer call() throws InterruptedException, SQLException {
    Map<String, Object> props = new HashMap<>();
    if (port != null) {
      props.put("server.port", port);
    }
    if (bind != null) {
      props.put("server.address", bind);
    }
    ConfigurableApplicationContext ctx = SpringContexts.start(store, true, props);
    FirstRun firstRun =
        new FirstRun(
            ctx.getBean(AppRegistry.class),
            ctx.getBean(CatalogStore.class),
            ctx.getBean(LibraryStore.class),
            ctx.getBean(StaveProperties.class));
    long seeded;
    App app;
    try (FirstRunLock lock =
        FirstRunLock.acquire(ctx.getBean(DataSource.class), ctx.getBean(StaveProperties.class))) {
      seeded =
          firstRun.seedDemoCatalogIfEmpty(
              ctx.getBeanProvider(ChangeFollower.class).orderedStream().toList());
      firstRun.ensureRadios();
      app = firstRun.ensureDemoApp();
    }
    if (seeded > 0) {
      System.out.printf(
          "Empty data directory: seeded a demo catalog of %,d tracks (stave demo makes bigger"
              + " ones).%n",
          seeded);
    }
    Environment env = ctx.getEnvironment();
    String host = env.getProperty("server.address", "127.0.0.1");
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    firstRun.printWelcome(System.out, "http://" + host + ":" + port, app);
    // Behind the answering server, never before it: the demo catalog's audio (a fresh data
    // directory), or what an earlier start left unfinished.
    ctx.getBean(DemoAudio.class).serveStarted(seeded > 0);
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    closed.await();
    return 0;
  }
}

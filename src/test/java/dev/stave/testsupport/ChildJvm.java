package dev.stave.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The command line of every Stave JVM a test starts ({@link StaveProcess}, the README example's
 * {@code ./stave}), made to start in about half the CPU time without changing what runs.
 *
 * <p>Why: the suite starts some sixty child JVMs (servers killed and restarted, CLI runs, backups),
 * and on the 2-core CI machine each spent about 15 CPU-seconds getting to "Stave is serving" (JVM,
 * Spring, Tomcat, Lucene, seeding the demo catalog). Measured on {@code stave serve} of an empty
 * data directory (docs/testing.md): 14-16 CPU-s as before, 8-10 with a JDK AOT cache (JEP 483/514:
 * classes loaded and linked ahead of time, method profiles). C1 only ({@code
 * -XX:TieredStopAtLevel=1}) took it to 4.6-5 CPU-s, but children that compute got slower: the crash
 * test whose children analyse audio took 116 s instead of 36 (a busy machine); not used.
 *
 * <p>The JDK takes only JAR files into an AOT cache ("Cannot have non-empty directory in paths"),
 * so a child runs Stave's classes from a JAR of {@code target/classes} made here, named by a hash
 * of that directory's files: a rebuilt Stave gets a new JAR and a new cache, never stale classes.
 * {@code target/test-classes} is left off: a child runs Stave as an operator runs the jar. The
 * cache is made in the background by one training run of {@code stave serve}, started by the first
 * child of a test JVM (children started before it is ready start without it); two test JVMs
 * (surefire forks) share it, and a failed training only costs the speed-up (the reason is printed).
 */
public final class ChildJvm {
  private static final List<String> OPTIONS =
      List.of("--enable-native-access=ALL-UNNAMED", "-Xmx512m");

  private static final Path ROOT = Path.of("target", "child-jvm").toAbsolutePath();
  private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

  /** This build's classes JAR and cache, {@code target/child-jvm/HASH/}. */
  private static Path build;

  private static List<String> classpath;

  private static boolean trainingStarted;

  private ChildJvm() {}

  /** {@code java OPTIONS -cp CLASSPATH dev.stave.StaveApplication}: prepend to the CLI's args. */
  public static synchronized List<String> staveCommand() {
    if (classpath == null) {
      classpath = classpath();
    }
    Path cache = build.resolve("stave.aot");
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(OPTIONS);
    if (Files.isRegularFile(cache)) {
      cmd.add("-XX:AOTCache=" + cache);
    } else if (!trainingStarted) {
      trainingStarted = true;
      List<String> cp = classpath;
      Thread.ofPlatform().daemon().name("child-jvm-aot-training").start(() -> train(cp));
    }
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath));
    cmd.add("dev.stave.StaveApplication");
    return cmd;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The classes JAR, then every JAR of the test classpath (directories left out). */
  private static List<String> classpath() {
    List<String> jars = new ArrayList<>();
    Path classes = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        if (p.endsWith(Path.of("target", "classes"))) {
          classes = p;
        }
      } else if (!entry.isBlank()) {
        jars.add(entry);
      }
    }
    if (classes == null) {
      throw new IllegalStateException("no target/classes on the test classpath");
    }
    jars.addFirst(classesJar(classes).toString());
    return jars;
  }

  private static Path classesJar(Path classes) {
    try {
      List<Path> entries;
      try (Stream<Path> s = Files.walk(classes)) {
        entries = s.filter(p -> !p.equals(classes)).sorted().toList();
      }
      List<Path> files = entries.stream().filter(Files::isRegularFile).toList();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join(" ", OPTIONS).getBytes(StandardCharsets.UTF_8));
      for (Path f : files) {
        String stamp =
            classes.relativize(f) + " " + Files.size(f) + " " + Files.getLastModifiedTime(f);
        digest.update(stamp.getBytes(StandardCharsets.UTF_8));
      }
      build = ROOT.resolve(HexFormat.of().formatHex(digest.digest(), 0, 8));
      Path jar = build.resolve("stave-classes.jar");
      if (Files.isRegularFile(jar)) {
        return jar;
      }
      Files.createDirectories(build);
      Path part = Files.createTempFile(build, "stave-classes", ".part");
      try (OutputStream out = Files.newOutputStream(part);
          JarOutputStream zip = new JarOutputStream(out)) {
        // Directory entries too: Spring's component scan finds a package in a JAR through them.
        for (Path e : entries) {
          String name = classes.relativize(e).toString().replace('\\', '/');
          boolean dir = Files.isDirectory(e);
          zip.putNextEntry(new JarEntry(dir ? name + "/" : name));
          if (!dir) {
            Files.copy(e, zip);
          }
          zip.closeEntry();
        }
      }
      // A link fails if another test JVM put its JAR there meanwhile: the first one stays, since
      // a cache records the size and time of each JAR and refuses a JAR rewritten after it.
      try {
        Files.createLink(jar, part);
      } catch (FileAlreadyExistsException e) {
        // same classes, made by the other JVM
      } finally {
        Files.delete(part);
      }
      dropOtherBuilds();
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Earlier builds' JARs and caches (a cache is ~110 MB), best effort. */
  private static void dropOtherBuilds() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path d : dirs.filter(d -> !d.equals(build)).toList()) {
        PostgresBinaries.deleteTree(d);
      }
    } catch (IOException e) {
      // what is left is only disk space under target/
    }
  }

  /**
   * One {@code stave serve} on an empty data directory (seeding, search index, web server), stopped
   * with SIGTERM as tests stop theirs; the JVM writes the cache as it exits, to a temporary name
   * renamed into place, so a child never maps a half-written cache. Under a file lock: a second
   * test JVM that finds it taken leaves the training to the first.
   */
  private static void train(List<String> classpath) {
    Path cache = build.resolve("stave.aot");
    Path part = build.resolve("stave.aot.part");
    long t0 = System.nanoTime();
    try (FileChannel channel =
            FileChannel.open(
                build.resolve("training.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null || Files.isRegularFile(cache)) {
        return;
      }
      Files.deleteIfExists(part);
      Path dir = Files.createTempDirectory("stave-aot-training-");
      List<String> cmd = new ArrayList<>();
      cmd.add(java());
      cmd.addAll(OPTIONS);
      cmd.add("-XX:AOTCacheOutput=" + part);
      cmd.add("-cp");
      cmd.add(String.join(File.pathSeparator, classpath));
      cmd.add("dev.stave.StaveApplication");
      cmd.addAll(List.of("serve", "--port", "0", "--data", dir.resolve("data").toString()));
      try (StaveProcess serve = StaveProcess.start(dir, Map.of(), cmd)) {
        // a test JVM that ends first (a single test run) takes the training run with it
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(serve::close));
        serve.awaitLine(l -> l.contains("Stave is serving"), TRAINING_TIMEOUT);
        serve.stop(TRAINING_TIMEOUT);
        if (!Files.isRegularFile(part)) {
          throw new IOException("no cache written; the training run printed:\n" + serve.output());
        }
      }
      Files.move(part, cache, StandardCopyOption.ATOMIC_MOVE);
      PostgresBinaries.deleteTree(dir);
      System.err.printf(
          "[stave tests] AOT cache for child JVMs made in %d ms: %s%n",
          (System.nanoTime() - t0) / 1_000_000, cache);
    } catch (IOException | RuntimeException | AssertionError e) {
      System.err.println("[stave tests] child JVMs start without an AOT cache: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

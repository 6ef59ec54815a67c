package dev.stave.testsupport;

import dev.stave.catalog.CrashPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Runs the Stave CLI in a separate JVM on the test classpath, the way an operator runs the jar, so
 * tests can read its output, call it over HTTP, and stop it with SIGTERM or SIGKILL.
 */
public final class StaveProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private StaveProcess(Process process) {
    this.process = process;
    // A platform thread: a blocking read of a process pipe holds a virtual thread's carrier, and
    // with two or three processes running that starved every other virtual thread of the JVM.
    reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                      lines.add(line);
                    }
                  } catch (IOException e) {
                    lines.add("<output closed: " + e.getMessage() + ">");
                  }
                });
    reader.setName("stave-process-output");
  }

  /** Starts {@code stave ARGS…} with stdout and stderr merged. */
  public static StaveProcess start(Path workDir, String... args) throws IOException {
    return start(workDir, Map.of(), args);
  }

  /**
   * Starts {@code stave ARGS…} with {@code env} added to this JVM's environment (settings the way
   * an operator gives them, e.g. {@code STAVE_LIMITS_APP_PER_MINUTE}).
   */
  public static StaveProcess start(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(ChildJvm.staveCommand());
    cmd.addAll(List.of(args));
    return start(workDir, env, cmd);
  }

  /** Starts {@code command} (a whole command line, e.g. {@link ChildJvm}'s training run). */
  static StaveProcess start(Path workDir, Map<String, String> env, List<String> command)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    // A serve on an empty data directory makes demo audio in the background: minutes of CPU
    // that tests of other things must not pay for. A test about it sets the variable itself.
    pb.environment().put("STAVE_DEMO_AUDIO_ENABLED", "false");
    pb.environment().putAll(env);
    return new StaveProcess(pb.start());
  }

  /** Waits until a line of output matches; fails with the output so far when it does not come. */
  public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    int seen = 0;
    while (Instant.now().isBefore(end)) {
      for (; seen < lines.size(); seen++) {
        if (match.test(lines.get(seen))) {
          return lines.get(seen);
        }
      }
      if (!process.isAlive() && seen >= lines.size()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("expected output did not appear; output was:\n" + output());
  }

  public String output() {
    return String.join("\n", lines);
  }

  /**
   * SIGTERM, then waits for the exit code. Sent with kill(1) because Process.destroy() also closes
   * the output pipe, which would lose what the process prints while it shuts down.
   */
  public int stop(Duration timeout) throws InterruptedException, IOException {
    new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid()))
        .inheritIO()
        .start()
        .waitFor();
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("process did not stop within " + timeout + ":\n" + output());
    }
    reader.join(timeout.toMillis());
    return process.exitValue();
  }

  /**
   * Waits until the run announces its crash point (a hidden {@code --hold-…} option, see {@link
   * CrashPoint}), where it stays until killed, so the kill is certain to land mid-run; then kills
   * it with SIGKILL. Returns the announcement.
   */
  public String killAtCrashPoint() throws InterruptedException {
    return killAtCrashPoint(CRASH_POINT_WAIT);
  }

  /**
   * How long {@link #killAtCrashPoint()} waits for the announcement. Generous, since it costs
   * nothing when the run gets there (the wait ends at the line): on a 2-core machine at load 20 an
   * index rebuild took over two minutes to reach its crash point.
   */
  public static final Duration CRASH_POINT_WAIT = Duration.ofMinutes(6);

  /** {@link #killAtCrashPoint()} with a wait of one's own. */
  public String killAtCrashPoint(Duration timeout) throws InterruptedException {
    // contains, not startsWith: a progress bar drawn with carriage returns may precede it.
    String line = awaitLine(l -> l.contains(CrashPoint.ANNOUNCEMENT), timeout);
    if (!process.isAlive()) {
      throw new AssertionError("the run ended at its crash point instead of holding:\n" + output());
    }
    kill();
    if (process.exitValue() != 128 + 9) {
      throw new AssertionError("not killed by SIGKILL (exit " + process.exitValue() + ")");
    }
    return line;
  }

  /** SIGKILL: no shutdown hooks, no flushing — a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    reader.join(10_000);
  }

  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("process did not finish within " + timeout + ":\n" + output());
    }
    reader.join(timeout.toMillis());
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}

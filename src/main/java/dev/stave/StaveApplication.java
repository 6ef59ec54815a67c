package dev.stave;

import dev.stave.cli.StaveCommand;
import dev.stave.config.StaveProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Spring configuration root; the process entry point is the CLI. */
@SpringBootApplication
@EnableConfigurationProperties(StaveProperties.class)
public class StaveApplication {
  /** The JDK's setting for how many platform threads carry virtual threads. */
  static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

  public static void main(String[] args) {
    carryVirtualThreadsOnTwoThreadsPerCore();
    System.exit(StaveCommand.run(args));
  }

  /**
   * Two carrier threads per core instead of the JDK's one, unless {@code -D}{@value CARRIERS} is
   * given. Why: requests run on virtual threads, which are not time-sliced; a request that reads
   * SQLite (a native call, which keeps its carrier) or just computes keeps its carrier until it
   * finishes, so with one carrier per core the others wait behind it in no particular order. On 2
   * cores, 16 concurrent {@code tracks?id=} callers on a 1M-track catalog, warmed up: 2 carriers
   * gave p99 83–264 ms, 4 carriers 19–37 ms at about the same requests/s, 8 carriers 28–47 ms at
   * about half (docs/performance.md). The operating system's time slices among the extra carriers
   * bound the wait. Must run before the first virtual thread exists: the JDK reads it once.
   */
  static void carryVirtualThreadsOnTwoThreadsPerCore() {
    if (System.getProperty(CARRIERS) == null) {
      System.setProperty(
          CARRIERS, Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
    }
  }
}

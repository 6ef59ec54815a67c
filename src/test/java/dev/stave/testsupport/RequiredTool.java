package dev.stave.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need an outside tool or input (a Debian package such as haproxy,
 * espeak-ng, aubio-tools or mpv, or the recordings of {@code scripts/fetch-test-music.sh}): on a
 * developer's machine a missing one skips the test and says how to get it; under {@code CI=true} it
 * fails the test, because {@code .ci/run} installs all of them and a skip there would hide a broken
 * install step behind a green run.
 */
public final class RequiredTool {
  private RequiredTool() {}

  /** Whether this run is CI's ({@code CI=true} in the environment). */
  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Returns when {@code why} is null (the tool is there); otherwise skips the calling test with
   * {@code why}, or fails it under CI.
   */
  public static void require(String why) {
    if (why == null) {
      return;
    }
    if (inCi()) {
      throw new AssertionError(why + " (CI=true: .ci/run installs it, and this test must run)");
    }
    System.err.println("SKIPPED: " + why);
    Assumptions.abort(why);
  }
}

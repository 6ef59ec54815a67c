package dev.stave.testsupport;

import dev.stave.catalog.ChangeFollower;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Holds a writer (an import, a scan, an analysis run) right after a batch it has committed, until
 * the process is killed, so that a crash test kills it at a known point instead of racing it: on a
 * fast machine a polled import can finish before the test gets to kill it.
 *
 * <p>Present only in a process started with {@code STAVE_TEST_HOLD_AT_CATCH_UP=true} in its
 * environment (give it to {@link StaveProcess#start(java.nio.file.Path, java.util.Map,
 * String...)}); every other context leaves it out. On the first catch-up it prints {@link #LINE}
 * and never returns; wait for that line with {@link StaveProcess#awaitLine}, then kill.
 *
 * <p>Decision: a change follower rather than a hook in production code, because writers ask their
 * followers to catch up only after a batch is committed (the importer every ten batches, and once
 * at the end), so the moment it holds is by construction a committed, checkpointed one.
 */
@Component
@ConditionalOnProperty(name = "stave.test.hold-at-catch-up", havingValue = "true")
public class HoldAtCatchUp implements ChangeFollower {
  /** The environment variable that puts this follower into a process started by a test. */
  public static final String ENV = "STAVE_TEST_HOLD_AT_CATCH_UP";

  /** Printed when the writer is held; everything written before it is committed. */
  public static final String LINE = "HOLD: writer held after a committed batch, waiting for kill";

  private final CountDownLatch never = new CountDownLatch(1);

  @Override
  public void catchUp() {
    System.out.println(LINE);
    System.out.flush();
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Interrupted instead of killed: stop the writer rather than let it run on past the hold.
    throw new IllegalStateException("held writer interrupted");
  }
}

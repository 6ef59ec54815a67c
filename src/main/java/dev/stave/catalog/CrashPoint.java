package dev.stave.catalog;

/**
 * Stops a long write run (an import, a scan, an analysis run, an index rebuild) dead at a known
 * point, so that crash tests can kill the process there with SIGKILL instead of racing it: a kill
 * timed from outside can come after the run has already finished, which proves nothing. Reached
 * only through hidden command options ({@code --hold-in-batch}, {@code --hold-after-documents});
 * nothing an operator runs ever stops here.
 */
public final class CrashPoint {
  /** Opens the line announcing the hold on standard output: a test waits for it, then kills. */
  public static final String ANNOUNCEMENT = "crash point: ";

  private CrashPoint() {}

  /**
   * Says on standard output where the run is held, then waits for the process to be killed. An
   * interrupt (the process shutting down gently) abandons the run instead: whatever transaction is
   * open rolls back.
   */
  public static void holdUntilKilled(String where) {
    System.out.println(ANNOUNCEMENT + where + "; holding until killed");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at the crash point " + where, e);
    }
  }
}

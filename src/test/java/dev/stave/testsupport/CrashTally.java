package dev.stave.testsupport;

import java.util.Locale;

/**
 * The figures the crash tests report (issue 12 asks for them in its closing note): how many
 * SIGKILLs a store survived in one test, and how many acknowledged writes or stored results were
 * checked after them. One line each on standard output, all starting {@code crash tally:}, so the
 * surefire reports can be grepped for them.
 */
public final class CrashTally {
  private CrashTally() {}

  public static void report(StoreKind kind, String what, int crashes, long checked, String unit) {
    System.out.printf(
        Locale.ROOT,
        "crash tally: [%s] %s: %d crash(es) survived, %,d %s checked after them%n",
        kind.name().toLowerCase(Locale.ROOT),
        what,
        crashes,
        checked,
        unit);
  }
}

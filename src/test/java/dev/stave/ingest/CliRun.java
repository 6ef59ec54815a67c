package dev.stave.ingest;

import dev.stave.cli.StaveCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process the way an operator would, capturing what it prints. */
public record CliRun(int exitCode, String out, String err) {
  public static synchronized CliRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = StaveCommand.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    CliRun run =
        new CliRun(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    oldOut.print(run.out());
    return run;
  }

  /** {@code stave import FORMAT FILES... --data DIR --no-progress EXTRA...}. */
  static CliRun importFiles(
      String format, java.nio.file.Path data, List<?> files, String... extra) {
    List<String> args = new ArrayList<>(List.of("import", format));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--data", data.toString(), "--no-progress"));
    args.addAll(Arrays.asList(extra));
    return of(args.toArray(String[]::new));
  }

  /** The number printed on the report line of a kind, e.g. {@code count("tracks", "created")}. */
  long count(String kind, String what) {
    for (String line : out.lines().toList()) {
      String t = line.strip();
      if (t.startsWith(kind + " ")) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(what + " ([\\d,]+)").matcher(t);
        if (m.find()) {
          return Long.parseLong(m.group(1).replace(",", ""));
        }
      }
    }
    throw new AssertionError("no '" + kind + " … " + what + "' in report:\n" + out + err);
  }

  /** Entities written (created, updated or unchanged) over all kinds. */
  long total() {
    long n = 0;
    for (String kind : List.of("artists", "albums", "tracks")) {
      for (String what : List.of("created", "updated", "unchanged")) {
        n += count(kind, what);
      }
    }
    return n;
  }

  long skipped() {
    return number("skipped");
  }

  long rowsRead() {
    return number("rows read");
  }

  private long number(String label) {
    for (String line : out.lines().toList()) {
      String t = line.strip();
      if (t.startsWith(label + " ")) {
        return Long.parseLong(t.substring(label.length()).strip().replace(",", ""));
      }
    }
    throw new AssertionError("no '" + label + "' in report:\n" + out + err);
  }
}

package dev.stave.ingest;

import dev.stave.testsupport.CommandRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process the way an operator would, capturing what it prints. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(String... args) {
    CommandRun r = CommandRun.of(args);
    CliRun run = new CliRun(r.exit(), r.out(), r.err());
    System.out.print(run.out());
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

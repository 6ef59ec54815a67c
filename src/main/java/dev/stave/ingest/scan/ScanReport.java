package dev.stave.ingest.scan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a library scan did: counts per outcome and the problems found, file by file. */
public final class ScanReport {
  static final int PRINTED_PROBLEMS = 20;

  /** A file imported with fallbacks, or not imported. */
  public record Problem(Path file, String reason) {}

  private final List<Path> roots;
  long seen;
  long unchanged;
  long added;
  long updated;
  long moved;
  long duplicates;
  long deleted;
  long unreadable;
  long tracksCreated;
  long tracksUpdated;
  long withFallbacks;
  long waveforms;
  long contentReported;
  boolean completed;
  Duration elapsed = Duration.ZERO;
  private final Map<TrackMatcher.Rule, Long> linked = new EnumMap<>(TrackMatcher.Rule.class);
  private final List<Problem> problems = new ArrayList<>();
  private long problemCount;

  ScanReport(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  void problem(Path file, String reason) {
    problemCount++;
    if (problems.size() < PRINTED_PROBLEMS) {
      problems.add(new Problem(file, reason));
    }
  }

  void linked(TrackMatcher.Rule rule) {
    linked.merge(rule, 1L, Long::sum);
  }

  /** New files attached to a track already in the catalog, by the rule that matched them. */
  public Map<TrackMatcher.Rule, Long> linked() {
    return Map.copyOf(linked);
  }

  public List<Path> roots() {
    return roots;
  }

  public long seen() {
    return seen;
  }

  public long unchanged() {
    return unchanged;
  }

  public long added() {
    return added;
  }

  public long updated() {
    return updated;
  }

  public long moved() {
    return moved;
  }

  public long duplicates() {
    return duplicates;
  }

  public long deleted() {
    return deleted;
  }

  public long unreadable() {
    return unreadable;
  }

  public long tracksCreated() {
    return tracksCreated;
  }

  public long withFallbacks() {
    return withFallbacks;
  }

  /** Waveforms computed (new content, or content scanned before waveforms existed). */
  public long waveforms() {
    return waveforms;
  }

  /** Tracks whose audio is new or changed, handed to the content listeners (analysis queue). */
  public long contentReported() {
    return contentReported;
  }

  public boolean completed() {
    return completed;
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s %s in %.1f s%n",
        completed ? "Scanned" : "Stopped scanning",
        String.join(", ", roots.stream().map(Path::toString).toList()),
        elapsed.toMillis() / 1000.0);
    out.printf(Locale.ROOT, "  files       %,d%n", seen);
    out.printf(Locale.ROOT, "  unchanged   %,d%n", unchanged);
    out.printf(Locale.ROOT, "  added       %,d%n", added);
    out.printf(
        Locale.ROOT,
        "  linked      %,d  to catalog tracks%n",
        linked.values().stream().mapToLong(Long::longValue).sum());
    for (TrackMatcher.Rule rule : TrackMatcher.Rule.values()) {
      if (linked.containsKey(rule)) {
        out.printf(Locale.ROOT, "    by %-44s %,d%n", rule.label(), linked.get(rule));
      }
    }
    out.printf(Locale.ROOT, "  updated     %,d%n", updated);
    out.printf(Locale.ROOT, "  moved       %,d%n", moved);
    out.printf(Locale.ROOT, "  duplicates  %,d%n", duplicates);
    out.printf(Locale.ROOT, "  deleted     %,d%n", deleted);
    out.printf(Locale.ROOT, "  unreadable  %,d%n", unreadable);
    out.printf(
        Locale.ROOT, "  tracks      created %,d  updated %,d%n", tracksCreated, tracksUpdated);
    out.printf(Locale.ROOT, "  waveforms   %,d%n", waveforms);
    if (contentReported > 0) {
      out.printf(
          Locale.ROOT,
          "  to analyse  %,d  (queued: `stave serve` analyses them, or `stave analyze --missing`)%n",
          contentReported);
    }
    out.printf(Locale.ROOT, "  problems    %,d%n", problemCount);
    for (Problem p : problems) {
      out.println("    " + p.file() + ": " + p.reason());
    }
    if (problemCount > problems.size()) {
      out.printf(Locale.ROOT, "    … and %,d more%n", problemCount - problems.size());
    }
    if (!completed) {
      out.println("  note: run the same scan again to continue; deleted files are detected only");
      out.println("        by a scan that completes");
    }
  }
}

package dev.stave.site.console;

import dev.stave.analysis.AnalysisQueue;
import dev.stave.ingest.RunReports;
import dev.stave.search.IndexStatus;
import dev.stave.search.SearchIndex;
import dev.stave.site.home.CatalogSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Everything the console's catalog page shows, gathered from the core in one place: the counts, the
 * last imports and scans with their reports, the analysis queue and the search index.
 */
@Component
public class CatalogOverview {
  /** Runs of each kind the page lists. */
  static final int RUNS_SHOWN = 10;

  /** Failed analyses the page lists. */
  static final int FAILURES_SHOWN = 10;

  private final CatalogSummary summary;
  private final AnalysisQueue queue;
  private final SearchIndex index;
  private final RunReports runs;

  public CatalogOverview(
      CatalogSummary summary, AnalysisQueue queue, SearchIndex index, RunReports runs) {
    this.summary = summary;
    this.queue = queue;
    this.index = index;
    this.runs = runs;
  }

  /** How many of each the catalog holds. */
  public record Counts(long tracks, long albums, long artists, long withAudio, long withFeatures) {}

  /**
   * The analysis queue: tracks waiting, tracks whose analysis failed, and how far the analysis of
   * the tracks with audio has come ({@code analysed} of {@code analysed + waiting}).
   */
  public record Analysis(
      long waiting, long failed, long analysed, List<AnalysisQueue.Failure> failures) {
    /** Percent of the known work done: 100 when nothing waits. */
    public int percentDone() {
      long all = analysed + waiting;
      return all == 0 ? 100 : (int) Math.floor(100.0 * analysed / all);
    }
  }

  /** The whole page. */
  public record Overview(
      CatalogSummary.Counts counts,
      Analysis analysis,
      IndexStatus index,
      List<RunReports.Run> imports,
      List<RunReports.Run> scans) {}

  public Overview overview() {
    CatalogSummary.Counts counts = summary.counts();
    Analysis analysis =
        new Analysis(
            queue.waiting(),
            queue.failedCount(),
            counts.tracksWithFeatures(),
            queue.failures(FAILURES_SHOWN));
    return new Overview(
        counts,
        analysis,
        index.status(),
        runs.latest(RunReports.Kind.IMPORT, RUNS_SHOWN),
        runs.latest(RunReports.Kind.SCAN, RUNS_SHOWN));
  }
}

package dev.stave.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Up to {@code n} distinct values of a numeric field (an id) of the documents a query matches,
 * drawn uniformly at random, in one pass over the matches: each collector keeps a reservoir
 * (algorithm R) of its share, and the reservoirs are merged by drawing from each in proportion to
 * how many matches it saw. A random list with filters ("random songs of this genre") thus costs one
 * query, whatever its length, not one query per item, and no list of every match.
 */
final class RandomSample implements CollectorManager<RandomSample.Reservoir, List<Long>> {
  private final String field;
  private final int n;

  RandomSample(String field, int n) {
    this.field = field;
    this.n = n;
  }

  @Override
  public Reservoir newCollector() {
    return new Reservoir();
  }

  @Override
  public List<Long> reduce(Collection<Reservoir> reservoirs) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<Reservoir> parts = new ArrayList<>(reservoirs);
    long[] remaining = new long[parts.size()];
    int[] taken = new int[parts.size()];
    long total = 0;
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).shuffle(random);
      remaining[i] = parts.get(i).seen;
      total += remaining[i];
    }
    List<Long> out = new ArrayList<>();
    while (out.size() < n && total > 0) {
      // the next pick comes from a part with probability proportional to its matches not yet drawn
      long pick = random.nextLong(total);
      int i = 0;
      while (pick >= remaining[i]) {
        pick -= remaining[i++];
      }
      out.add(parts.get(i).sample[taken[i]++]);
      remaining[i]--;
      total--;
    }
    return out;
  }

  /** One collector's uniform sample of what it saw. */
  final class Reservoir extends SimpleCollector {
    private final long[] sample = new long[n];
    private long seen;
    private SortedNumericDocValues values;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      values = DocValues.getSortedNumeric(context.reader(), field);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (!values.advanceExact(doc)) {
        return;
      }
      long v = values.nextValue();
      if (seen < n) {
        sample[(int) seen] = v;
      } else {
        long j = ThreadLocalRandom.current().nextLong(seen + 1);
        if (j < n) {
          sample[(int) j] = v;
        }
      }
      seen++;
    }

    private void shuffle(ThreadLocalRandom random) {
      int size = (int) Math.min(seen, n);
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long t = sample[i];
        sample[i] = sample[j];
        sample[j] = t;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}

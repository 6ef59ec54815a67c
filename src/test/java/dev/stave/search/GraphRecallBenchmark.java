package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How good the nearest-neighbour graph of a built index is: recall@10 of the HNSW search against an
 * exact scan of every vector, for tracks drawn at random from the index itself, and the HNSW
 * search's median time. Written to choose the graph's construction parameters for the 10M build
 * (issue 15 item 4: a smaller beam width builds faster; how much recall does it cost?). Not part of
 * the regular suite: {@code ./mvnw test -Dtest=GraphRecallBenchmark -Dstave.bench=true
 * -Dstave.bench.data-dir=DIR} on a data directory that holds a built index.
 */
@EnabledIfSystemProperty(named = "stave.bench", matches = "true")
class GraphRecallBenchmark {
  private static final int K = 10;
  private static final int QUERIES = Integer.getInteger("stave.bench.queries", 300);

  @Test
  void recallAgainstExactScan() throws Exception {
    Path data = Path.of(System.getProperty("stave.bench.data-dir"));
    Path gen = new IndexLocation(data.resolve("index")).current();
    try (FSDirectory dir = FSDirectory.open(gen);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Random random = new Random(42);
      double recall = 0;
      long[] nanos = new long[QUERIES];
      int asked = 0;
      while (asked < QUERIES) {
        float[] target = randomVector(reader, random);
        if (target == null) {
          continue;
        }
        Set<Integer> exact = exactNearest(reader, target);
        long t0 = System.nanoTime();
        ScoreDoc[] hits =
            searcher.search(new KnnFloatVectorQuery(IndexFields.FEATURE_VECTOR, target, K), K)
                .scoreDocs;
        nanos[asked] = System.nanoTime() - t0;
        long found = Arrays.stream(hits).filter(h -> exact.contains(h.doc)).count();
        recall += found / (double) K;
        asked++;
      }
      Arrays.sort(nanos);
      System.out.printf(
          Locale.ROOT,
          "Graph recall: %,d documents in %d segment(s), %d queries: recall@%d %.4f,"
              + " HNSW p50 %.2f ms p99 %.2f ms%n",
          reader.numDocs(),
          reader.leaves().size(),
          QUERIES,
          K,
          recall / QUERIES,
          nanos[QUERIES / 2] / 1e6,
          nanos[QUERIES * 99 / 100] / 1e6);
      assertThat(recall).isPositive();
    }
  }

  /** The vector of a random document that has one (tracks with features), or null. */
  private static float[] randomVector(DirectoryReader reader, Random random) throws Exception {
    int doc = random.nextInt(reader.maxDoc());
    for (LeafReaderContext leaf : reader.leaves()) {
      if (doc >= leaf.docBase && doc < leaf.docBase + leaf.reader().maxDoc()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.FEATURE_VECTOR);
        if (values == null) {
          return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
          return null;
        }
        return values.vectorValue(it.index()).clone();
      }
    }
    return null;
  }

  /** Global doc ids of the K nearest by a scan of every vector (the same Euclidean similarity). */
  private static Set<Integer> exactNearest(DirectoryReader reader, float[] target)
      throws Exception {
    int[] best = new int[K];
    float[] bestScore = new float[K];
    Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      FloatVectorValues values = r.getFloatVectorValues(IndexFields.FEATURE_VECTOR);
      if (values == null) {
        continue;
      }
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int d = it.nextDoc();
          d != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
          d = it.nextDoc()) {
        float score =
            VectorSimilarityFunction.EUCLIDEAN.compare(target, values.vectorValue(it.index()));
        if (score > bestScore[K - 1]) {
          int i = K - 1;
          while (i > 0 && bestScore[i - 1] < score) {
            bestScore[i] = bestScore[i - 1];
            best[i] = best[i - 1];
            i--;
          }
          bestScore[i] = score;
          best[i] = leaf.docBase + d;
        }
      }
    }
    Set<Integer> ids = new HashSet<>();
    for (int d : best) {
      ids.add(d);
    }
    return ids;
  }
}

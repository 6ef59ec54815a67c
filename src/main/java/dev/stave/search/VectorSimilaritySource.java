package dev.stave.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Similarity of each document's feature vector to a target, as a value source: sorting the filtered
 * documents by it is the exact (brute-force) nearest-neighbour scan, with Lucene's own top-k
 * collection. Documents without a vector get no value and must be filtered out beforehand.
 */
final class VectorSimilaritySource extends DoubleValuesSource {
  private final float[] target;

  VectorSimilaritySource(float[] target) {
    this.target = target.clone();
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    if (ctx.reader().getFloatVectorValues(IndexFields.FEATURE_VECTOR) == null) {
      return DoubleValues.EMPTY;
    }
    return DoubleValuesSource.similarityToQueryVector(ctx, target, IndexFields.FEATURE_VECTOR);
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorSimilaritySource v && Arrays.equals(target, v.target);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(target);
  }

  @Override
  public String toString() {
    return "similarity(" + IndexFields.FEATURE_VECTOR + ")";
  }
}

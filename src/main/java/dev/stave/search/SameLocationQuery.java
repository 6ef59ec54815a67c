package dev.stave.search;

import dev.stave.catalog.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Artists having one location that meets every condition of a {@link LocationFilter}. The term and
 * point fields of the locations are flat (an artist's countries, cities and points, each on its
 * own), so they only tell that each condition is met by some location; this query checks the
 * conditions together, location by location, on the artist's {@link IndexFields#LOCATIONS} doc
 * values. It is a filter meant to run beside those term and point filters: as a two-phase iterator
 * it only reads the doc values of the artists they let through.
 */
final class SameLocationQuery extends Query {
  private static final char FIELD_SEPARATOR = '\u001f';
  private static final char LOCATION_SEPARATOR = '\u001e';

  private final LocationFilter filter;

  SameLocationQuery(LocationFilter filter) {
    this.filter = filter;
  }

  /** The doc-values field holding every location of an artist, as this query reads them. */
  static BinaryDocValuesField field(List<Location> locations) {
    StringBuilder b = new StringBuilder();
    for (Location l : locations) {
      if (!b.isEmpty()) {
        b.append(LOCATION_SEPARATOR);
      }
      b.append(clean(l.country()))
          .append(FIELD_SEPARATOR)
          .append(clean(l.city()))
          .append(FIELD_SEPARATOR)
          .append(l.latitude() == null ? "" : Double.toString(l.latitude()))
          .append(FIELD_SEPARATOR)
          .append(l.longitude() == null ? "" : Double.toString(l.longitude()));
    }
    return new BinaryDocValuesField(IndexFields.LOCATIONS, new BytesRef(b.toString()));
  }

  /** A value without the separators (they cannot appear in a name, but the data is external). */
  private static String clean(String s) {
    return s == null ? "" : s.replace(FIELD_SEPARATOR, ' ').replace(LOCATION_SEPARATOR, ' ');
  }

  private boolean anyMatches(BytesRef bytes) {
    String all = bytes.utf8ToString();
    for (String location : split(all, LOCATION_SEPARATOR)) {
      List<String> f = split(location, FIELD_SEPARATOR);
      if (f.size() == 4
          && filter.matches(
              f.get(0).isEmpty() ? null : f.get(0),
              f.get(1).isEmpty() ? null : f.get(1),
              f.get(2).isEmpty() ? null : Double.valueOf(f.get(2)),
              f.get(3).isEmpty() ? null : Double.valueOf(f.get(3)))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> split(String s, char separator) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == separator) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        BinaryDocValues values = context.reader().getBinaryDocValues(IndexFields.LOCATIONS);
        if (values == null) {
          return null;
        }
        TwoPhaseIterator check =
            new TwoPhaseIterator(values) {
              @Override
              public boolean matches() throws IOException {
                return anyMatches(values.binaryValue());
              }

              @Override
              public float matchCost() {
                return 100; // decoding a few short strings per artist
              }
            };
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, check));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return DocValues.isCacheable(context, IndexFields.LOCATIONS);
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(IndexFields.LOCATIONS)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String field) {
    return "SameLocation(" + filter + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && filter.equals(((SameLocationQuery) other).filter);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + filter.hashCode();
  }
}

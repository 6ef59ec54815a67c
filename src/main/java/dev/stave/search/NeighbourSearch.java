package dev.stave.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.NumericUtils;
import org.springframework.stereotype.Component;

/**
 * The index side of similarity: gathers candidates by audio features and by shared facets (tags,
 * musicinfo) with the filters applied inside both searches, and reads what a ranking needs for each
 * (artist, album, popularity, vector, facet scores). The ranking itself is the caller's.
 */
@Component
public class NeighbourSearch {
  private final SearchIndex index;

  public NeighbourSearch(SearchIndex index) {
    this.index = index;
  }

  /** Number of tracks in the index and, for each facet, how many documents carry it. */
  public record FacetCounts(long tracks, Map<Facet, Long> documents) {}

  /**
   * Frequencies for weighting facets by rarity. Document frequencies count every document holding
   * the term (albums carry tags too, deleted documents count until merged away): a close estimate,
   * stable for a given index state.
   */
  public FacetCounts count(Collection<Facet> facets) {
    return index.withSearcher(
        searcher -> {
          long tracks = searcher.count(trackKind());
          Map<Facet, Long> out = new LinkedHashMap<>();
          for (Facet f : facets) {
            out.put(f, (long) searcher.getIndexReader().docFreq(f.term()));
          }
          return new FacetCounts(tracks, out);
        });
  }

  /** The candidates of {@code q}, in id order, each once. */
  public List<Neighbour> neighbours(NeighbourQuery q) {
    Query filter = filter(q);
    Query facetScore = facetQuery(q.facets());
    Query penaltyScore = facetQuery(q.penalties());
    return index.withSearcher(
        searcher -> {
          TreeSet<Integer> docs = new TreeSet<>();
          if (q.vector() != null && q.nearest() > 0) {
            docs.addAll(nearest(searcher, q, filter));
          }
          if (facetScore != null && q.tagged() > 0) {
            BooleanQuery.Builder tagged = new BooleanQuery.Builder();
            tagged.add(facetScore, Occur.MUST);
            tagged.add(filter, Occur.FILTER);
            Sort byScore =
                new Sort(
                    SortField.FIELD_SCORE,
                    DoubleField.newSortField(
                        IndexFields.POPULARITY, true, SortedNumericSelector.Type.MIN),
                    LongField.newSortField(IndexFields.ID, false, SortedNumericSelector.Type.MIN));
            for (ScoreDoc d : searcher.search(tagged.build(), q.tagged(), byScore).scoreDocs) {
              docs.add(d.doc);
            }
          }
          return read(searcher, docs, weight(searcher, facetScore), weight(searcher, penaltyScore));
        });
  }

  /**
   * The documents of the {@code q.nearest()} nearest neighbours. A filtered kNN search first marks
   * every document the filter accepts (a pass over all tracks, most of the cost at a million); when
   * the filter only drops a few ids (the seeds), the search runs unfiltered for that many more
   * neighbours and drops them afterwards instead. Only tracks carry a vector, so no kind filter is
   * needed either.
   */
  private static List<Integer> nearest(IndexSearcher searcher, NeighbourQuery q, Query filter)
      throws IOException {
    boolean onlyIds =
        (q.filter() == null || q.filter().equals(TrackQuery.builder().build()))
            && q.excludeArtistIds().isEmpty()
            && q.excludeAlbumIds().isEmpty();
    List<Integer> out = new ArrayList<>();
    if (!onlyIds) {
      KnnFloatVectorQuery knn =
          new KnnFloatVectorQuery(IndexFields.FEATURE_VECTOR, q.vector(), q.nearest(), filter);
      for (ScoreDoc d : searcher.search(knn, q.nearest()).scoreDocs) {
        out.add(d.doc);
      }
      return out;
    }
    int k = q.nearest() + q.excludeIds().size();
    ScoreDoc[] found =
        searcher.search(new KnnFloatVectorQuery(IndexFields.FEATURE_VECTOR, q.vector(), k), k)
            .scoreDocs;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (ScoreDoc d : found) { // best first
      if (out.size() == q.nearest()) {
        break;
      }
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
      SortedNumericDocValues id = DocValues.getSortedNumeric(leaf.reader(), IndexFields.ID);
      if (id.advanceExact(d.doc - leaf.docBase) && !q.excludeIds().contains(id.nextValue())) {
        out.add(d.doc);
      }
    }
    return out;
  }

  private static Query trackKind() {
    return new TermQuery(new Term(IndexFields.KIND, DocumentProjector.TRACK));
  }

  private static Query filter(NeighbourQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    TrackQuery f = q.filter() == null ? TrackQuery.builder().build() : q.filter();
    QueryCompiler.trackFilters(f, b);
    Query text = QueryCompiler.trackText(f.text());
    if (text != null) {
      b.add(text, Occur.FILTER);
    }
    if (!f.fuzzyTags().isEmpty()) {
      b.add(QueryCompiler.fuzzyTags(f.fuzzyTags()), Occur.FILTER);
    }
    if (!q.excludeIds().isEmpty()) {
      // By unique key (a few postings) rather than by id points/doc values, which a filter pass
      // over a million tracks would check document by document.
      b.add(
          new TermInSetQuery(
              IndexFields.KEY,
              q.excludeIds().stream()
                  .map(id -> DocumentProjector.key(DocumentProjector.TRACK, id).bytes())
                  .toList()),
          Occur.MUST_NOT);
    }
    exclude(b, IndexFields.ARTIST_ID, q.excludeArtistIds());
    exclude(b, IndexFields.ALBUM_ID, q.excludeAlbumIds());
    return b.build();
  }

  private static void exclude(BooleanQuery.Builder b, String field, Collection<Long> values) {
    if (!values.isEmpty()) {
      b.add(
          LongField.newSetQuery(field, values.stream().mapToLong(Long::longValue).toArray()),
          Occur.MUST_NOT);
    }
  }

  /** Sum of the weights of the facets a document has; null when there are none. */
  private static Query facetQuery(Map<Facet, Float> weights) {
    if (weights.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    // Sorted, so that the same weights build the same query (float sums in the same order).
    weights.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Facet::toString)))
        .forEach(
            e ->
                any.add(
                    new BoostQuery(
                        new ConstantScoreQuery(new TermQuery(e.getKey().term())), e.getValue()),
                    Occur.SHOULD));
    return any.build();
  }

  private static Weight weight(IndexSearcher searcher, Query q) throws IOException {
    return q == null ? null : searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE, 1f);
  }

  private static List<Neighbour> read(
      IndexSearcher searcher, TreeSet<Integer> docs, Weight facets, Weight penalties)
      throws IOException {
    List<Neighbour> out = new ArrayList<>(docs.size());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int leafIndex = 0;
    LeafFields leaf = null;
    for (int doc : docs) {
      while (leaf == null || doc >= leaf.ctx.docBase + leaf.ctx.reader().maxDoc()) {
        leaf = new LeafFields(leaves.get(leafIndex++), facets, penalties);
      }
      out.add(leaf.read(doc - leaf.ctx.docBase));
    }
    return out;
  }

  /** Per-segment readers, advanced in ascending document order. */
  private static final class LeafFields {
    final LeafReaderContext ctx;
    final SortedNumericDocValues id;
    final SortedNumericDocValues artist;
    final SortedNumericDocValues album;
    final SortedNumericDocValues popularity;
    final FloatVectorValues vectors;
    final KnnVectorValues.DocIndexIterator vectorDocs;
    final Scorer facets;
    final Scorer penalties;

    LeafFields(LeafReaderContext ctx, Weight facets, Weight penalties) throws IOException {
      this.ctx = ctx;
      LeafReader r = ctx.reader();
      id = DocValues.getSortedNumeric(r, IndexFields.ID);
      artist = DocValues.getSortedNumeric(r, IndexFields.PRIMARY_ARTIST_ID);
      album = DocValues.getSortedNumeric(r, IndexFields.ALBUM_ID);
      popularity = DocValues.getSortedNumeric(r, IndexFields.POPULARITY);
      vectors = r.getFloatVectorValues(IndexFields.FEATURE_VECTOR);
      vectorDocs = vectors == null ? null : vectors.iterator();
      this.facets = facets == null ? null : facets.scorer(ctx);
      this.penalties = penalties == null ? null : penalties.scorer(ctx);
    }

    Neighbour read(int doc) throws IOException {
      if (!id.advanceExact(doc)) {
        throw new IllegalStateException("document without id: " + (ctx.docBase + doc));
      }
      long trackId = id.nextValue();
      long artistId = artist.advanceExact(doc) ? artist.nextValue() : 0;
      Long albumId = album.advanceExact(doc) ? album.nextValue() : null;
      double pop =
          popularity.advanceExact(doc)
              ? NumericUtils.sortableLongToDouble(popularity.nextValue())
              : 0;
      float[] vector = null;
      if (vectorDocs != null) {
        int at = vectorDocs.docID() < doc ? vectorDocs.advance(doc) : vectorDocs.docID();
        if (at == doc) {
          vector = vectors.vectorValue(vectorDocs.index()).clone();
        }
      }
      return new Neighbour(
          trackId, artistId, albumId, pop, vector, score(facets, doc), score(penalties, doc));
    }

    private static float score(Scorer scorer, int doc) throws IOException {
      if (scorer == null) {
        return 0f;
      }
      DocIdSetIterator it = scorer.iterator();
      int at = it.docID() < doc ? it.advance(doc) : it.docID();
      return at == doc ? scorer.score() : 0f;
    }
  }
}

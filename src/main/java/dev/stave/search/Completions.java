package dev.stave.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Autocompletion read from the term dictionary: the distinct normalised names (or tags) that start
 * with a prefix are consecutive terms, already in name order, so a completion visits the first few
 * matching terms and counts each one's documents of the wanted kind in its postings. It never
 * collects and sorts every document whose name matches the prefix (thousands for a 2–3 letter
 * prefix at a million tracks), which is what a query sorted by name did.
 */
final class Completions {
  /**
   * Tracks per tag for each reader state: few distinct tags, but a common one is carried by a
   * quarter of a million tracks, too many to count at every keystroke. A new reader (any index
   * change) gets new counts; weak keys let the old ones go with their reader.
   */
  private final Cache<IndexReader.CacheKey, Map<String, Integer>> tagCounts =
      Caffeine.newBuilder().weakKeys().maximumSize(4).build();

  /**
   * See {@link CatalogSearch#completeNames}. The completion key holds the kind before the name, so
   * the terms walked are exactly this kind's names under the prefix, each counted over its own
   * postings: the cost follows the names shown, not the catalog (at 10M tracks the walk through
   * every kind's names under a common prefix such as "the" took hundreds of milliseconds).
   */
  List<Completion> names(IndexReader reader, String kind, String prefix, int limit)
      throws IOException {
    BytesRef start =
        new BytesRef(
            DocumentProjector.completionKey(
                kind, Names.normalize(NameMatch.prefix(prefix).text())));
    int nameStart = kind.length() + 1;
    List<Completion> out = new ArrayList<>();
    TermsEnum names = seek(reader, IndexFields.COMPLETION_KEY, start);
    if (names == null || !StringHelper.startsWith(names.term(), start)) {
      return out;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    PostingsEnum docs = null;
    do {
      docs = names.postings(docs, PostingsEnum.NONE);
      Both both = both(docs, null, live, reader);
      if (both.count() > 0) {
        BytesRef term = names.term();
        out.add(
            new Completion(
                new BytesRef(term.bytes, term.offset + nameStart, term.length - nameStart)
                    .utf8ToString(),
                both.count(),
                both.firstId()));
      }
    } while (out.size() < limit
        && names.next() != null
        && StringHelper.startsWith(names.term(), start));
    return out;
  }

  /** See {@link CatalogSearch#completeTags}. */
  List<Completion> tags(IndexReader reader, String prefix, int limit) throws IOException {
    BytesRef start = new BytesRef(prefix.toLowerCase(Locale.ROOT));
    List<Completion> out = new ArrayList<>();
    TermsEnum tags = seek(reader, IndexFields.TAG, start);
    TermsEnum kinds = exact(reader, IndexFields.KIND, DocumentProjector.TRACK);
    if (tags == null || kinds == null || !StringHelper.startsWith(tags.term(), start)) {
      return out;
    }
    IndexReader.CacheHelper state = reader.getReaderCacheHelper();
    Map<String, Integer> counts =
        state == null
            ? new ConcurrentHashMap<>()
            : tagCounts.get(state.getKey(), k -> new ConcurrentHashMap<>());
    Bits live = MultiBits.getLiveDocs(reader);
    do {
      String tag = tags.term().utf8ToString();
      Integer n = counts.get(tag);
      if (n == null) {
        n =
            both(
                    tags.postings(null, PostingsEnum.NONE),
                    kinds.postings(null, PostingsEnum.NONE),
                    live,
                    null)
                .count();
        counts.put(tag, n);
      }
      if (n > 0) {
        out.add(new Completion(tag, n, 0));
      }
    } while (out.size() < limit
        && tags.next() != null
        && StringHelper.startsWith(tags.term(), start));
    return out;
  }

  /** How many live documents two postings share, and the lowest id among them. */
  private record Both(int count, long firstId) {}

  /**
   * The live documents in both {@code docs} and {@code ofKind} (all of {@code docs} when it is
   * null), with the lowest {@code id} among them when {@code ids} is given (else {@link
   * Long#MAX_VALUE}).
   */
  private static Both both(PostingsEnum docs, PostingsEnum ofKind, Bits live, IndexReader ids)
      throws IOException {
    int n = 0;
    long firstId = Long.MAX_VALUE;
    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
      int k = ofKind == null ? d : ofKind.docID() < d ? ofKind.advance(d) : ofKind.docID();
      if (k == DocIdSetIterator.NO_MORE_DOCS) {
        break;
      }
      if (k == d && (live == null || live.get(d))) {
        n++;
        if (ids != null) {
          firstId = Math.min(firstId, id(ids, d));
        }
      }
    }
    return new Both(n, firstId);
  }

  /** The terms of {@code field} positioned on the first term ≥ {@code from}; null when none. */
  private static TermsEnum seek(IndexReader reader, String field, BytesRef from)
      throws IOException {
    TermsEnum te = terms(reader, field);
    return te == null || te.seekCeil(from) == TermsEnum.SeekStatus.END ? null : te;
  }

  /** The terms of {@code field} positioned on {@code value}; null when no document has it. */
  private static TermsEnum exact(IndexReader reader, String field, String value)
      throws IOException {
    TermsEnum te = terms(reader, field);
    return te != null && te.seekExact(new BytesRef(value)) ? te : null;
  }

  private static TermsEnum terms(IndexReader reader, String field) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    return terms == null ? null : terms.iterator();
  }

  private static long id(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedNumericDocValues dv = DocValues.getSortedNumeric(leaf.reader(), IndexFields.ID);
    if (!dv.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document without id: " + doc);
    }
    return dv.nextValue();
  }
}

package dev.stave.search;

import dev.stave.catalog.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/** Translates the neutral query records into Lucene queries and sorts. */
final class QueryCompiler {
  /** Field weights of full-text relevance: a hit in the title means most. */
  private static final float NAME_WEIGHT = 3f;

  private static final float ARTIST_WEIGHT = 2f;
  private static final float ALBUM_WEIGHT = 1.5f;
  private static final float TAG_WEIGHT = 1f;

  private QueryCompiler() {}

  /** The non-scoring conditions of a track query, added to {@code b} as FILTER / MUST_NOT. */
  static void trackFilters(TrackQuery q, BooleanQuery.Builder b) {
    b.add(new TermQuery(new Term(IndexFields.KIND, DocumentProjector.TRACK)), Occur.FILTER);
    longSet(b, IndexFields.ID, q.ids());
    termSet(b, IndexFields.UUID, q.uuids().stream().map(Object::toString).toList());
    termSet(b, IndexFields.SPOTIFY_ID, q.spotifyIds());
    termSet(b, IndexFields.ISRC, q.isrcs());
    if (!q.excludeIds().isEmpty()) {
      b.add(
          LongField.newSetQuery(
              IndexFields.ID, q.excludeIds().stream().mapToLong(Long::longValue).toArray()),
          Occur.MUST_NOT);
    }
    name(b, q.name());
    longSet(b, IndexFields.ALBUM_ID, q.albumIds());
    longSet(b, IndexFields.ARTIST_ID, q.artistIds());
    for (String tag : q.tags()) {
      b.add(new TermQuery(new Term(IndexFields.TAG, tagName(tag))), Occur.FILTER);
    }
    for (Tag tag : q.categoryTags()) {
      b.add(new TermQuery(new Term(IndexFields.tagOf(tag.category()), tag.name())), Occur.FILTER);
    }
    if (q.releasedFrom() != null || q.releasedTo() != null) {
      b.add(
          LongField.newRangeQuery(
              IndexFields.RELEASE_DATE,
              epochDay(q.releasedFrom(), Long.MIN_VALUE),
              epochDay(q.releasedTo(), Long.MAX_VALUE)),
          Occur.FILTER);
    }
    if (q.minDurationMs() != null || q.maxDurationMs() != null) {
      b.add(
          LongField.newRangeQuery(
              IndexFields.DURATION_MS,
              q.minDurationMs() == null ? Long.MIN_VALUE : q.minDurationMs(),
              q.maxDurationMs() == null ? Long.MAX_VALUE : q.maxDurationMs()),
          Occur.FILTER);
    }
    term(b, IndexFields.VOCAL_INSTRUMENTAL, q.vocalInstrumental());
    term(b, IndexFields.GENDER, q.gender());
    termSet(b, IndexFields.SPEED, q.speeds());
    term(b, IndexFields.ACOUSTIC_ELECTRIC, q.acousticElectric());
    termSet(b, IndexFields.LANG, q.langs());
    if (q.single() != null) {
      // a single has no album: no album id is indexed for it
      b.add(new FieldExistsQuery(IndexFields.ALBUM_ID), q.single() ? Occur.MUST_NOT : Occur.FILTER);
    }
    flag(b, IndexFields.CC_NC, q.ccnc());
    flag(b, IndexFields.CC_ND, q.ccnd());
    flag(b, IndexFields.CC_SA, q.ccsa());
    flag(b, IndexFields.FEATURED, q.featured());
    flag(b, IndexFields.DOWNLOAD_ALLOWED, q.downloadAllowed());
    flag(b, IndexFields.CONTENT_ID_FREE, q.contentIdFree());
  }

  /**
   * Full-text over track, album and artist names and tags: every word must match one of the fields;
   * per word the best field counts (dis-max), so "love" in a title is not outweighed by "love" in
   * three tags. Null when the text has no words.
   */
  static Query trackText(String text) {
    return text(
        text,
        List.of(
            new Weighted(IndexFields.NAME, NAME_WEIGHT),
            new Weighted(IndexFields.ARTIST_NAME, ARTIST_WEIGHT),
            new Weighted(IndexFields.ALBUM_NAME, ALBUM_WEIGHT),
            new Weighted(IndexFields.TAGS_TEXT, TAG_WEIGHT)));
  }

  /** Full-text on album or artist documents: the name, and for albums their artists' names. */
  static Query entityText(String text) {
    return text(
        text,
        List.of(
            new Weighted(IndexFields.NAME, NAME_WEIGHT),
            new Weighted(IndexFields.ARTIST_NAME, ARTIST_WEIGHT)));
  }

  private record Weighted(String field, float weight) {}

  private static Query text(String text, List<Weighted> fields) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<String> words = Names.terms(text);
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String word : words) {
      List<Query> perField = new ArrayList<>();
      for (Weighted f : fields) {
        perField.add(new BoostQuery(new TermQuery(new Term(f.field, word)), f.weight));
      }
      all.add(new DisjunctionMaxQuery(perField, 0.1f), Occur.MUST);
    }
    return all.build();
  }

  /**
   * At least one of the tags; each matching tag adds exactly 1 to the score, so tracks matching
   * more of them rank first whatever the tags' frequencies.
   */
  static Query fuzzyTags(List<String> tags) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String tag : tags) {
      any.add(
          new ConstantScoreQuery(new TermQuery(new Term(IndexFields.TAG, tagName(tag)))),
          Occur.SHOULD);
    }
    any.setMinimumNumberShouldMatch(1);
    return any.build();
  }

  /**
   * A static ranking signal added to the score: {@code weight * v / (v + pivot)} with Lucene's
   * pivot estimate, so it reorders close relevance scores without drowning them.
   */
  static Query boost(TrackSort figure, float weight) {
    return new BoostQuery(
        FeatureField.newSaturationQuery(IndexFields.RANK_SIGNALS, figure.signal()), weight);
  }

  /**
   * An artist query's location conditions. Each flat field tells whether some location meets one
   * condition; with several conditions, {@link SameLocationQuery} then requires one location to
   * meet them all.
   */
  static void artistLocations(BooleanQuery.Builder b, EntityQuery q) {
    flag(b, IndexFields.HAS_LOCATION, q.hasLocation());
    LocationFilter f = q.locations();
    termSet(b, IndexFields.LOCATION_COUNTRY, List.copyOf(f.countries()));
    if (f.city() != null) {
      b.add(
          new TermQuery(new Term(IndexFields.LOCATION_CITY, Names.normalize(f.city()))),
          Occur.FILTER);
    }
    if (f.near() != null) {
      b.add(
          LatLonPoint.newDistanceQuery(
              IndexFields.LOCATION_POINT,
              f.near().latitude(),
              f.near().longitude(),
              f.near().radiusKm() * 1000),
          Occur.FILTER);
    }
    if (f.conditions() > 1) {
      b.add(new SameLocationQuery(f), Occur.FILTER);
    }
  }

  static void name(BooleanQuery.Builder b, NameMatch match) {
    if (match == null) {
      return;
    }
    String normalized = Names.normalize(match.text());
    Query q =
        switch (match.mode()) {
          case EXACT -> new TermQuery(new Term(IndexFields.NAME_KEY, normalized));
          case PREFIX -> new PrefixQuery(new Term(IndexFields.NAME_KEY, normalized));
          case SUBSTRING -> substring(normalized);
        };
    b.add(q, Occur.FILTER);
  }

  private static Query substring(String normalized) {
    if (normalized.length() < Names.GRAM) {
      // Shorter than a gram: walk the term dictionary of whole names (unique names, not docs).
      return new WildcardQuery(
          new Term(IndexFields.NAME_KEY, "*" + escapeWildcard(normalized) + "*"));
    }
    List<String> grams = Names.trigrams(normalized);
    if (grams.isEmpty()) {
      return new MatchNoDocsQuery();
    }
    if (grams.size() == 1) {
      return new TermQuery(new Term(IndexFields.NAME_GRAMS, grams.get(0)));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (int i = 0; i < grams.size(); i++) {
      phrase.add(new Term(IndexFields.NAME_GRAMS, grams.get(i)), i);
    }
    return phrase.build();
  }

  private static String escapeWildcard(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  static void longSet(BooleanQuery.Builder b, String field, Collection<Long> values) {
    if (!values.isEmpty()) {
      b.add(
          LongField.newSetQuery(field, values.stream().mapToLong(Long::longValue).toArray()),
          Occur.FILTER);
    }
  }

  static void termSet(BooleanQuery.Builder b, String field, Collection<String> values) {
    if (!values.isEmpty()) {
      b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
  }

  private static void term(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value.trim().toLowerCase(Locale.ROOT))), Occur.FILTER);
    }
  }

  static void flag(BooleanQuery.Builder b, String field, Boolean value) {
    if (value != null) {
      b.add(new TermQuery(new Term(field, value ? IndexFields.YES : IndexFields.NO)), Occur.FILTER);
    }
  }

  private static String tagName(String tag) {
    return tag.trim().toLowerCase(Locale.ROOT);
  }

  private static long epochDay(LocalDate date, long whenNull) {
    return date == null ? whenNull : date.toEpochDay();
  }

  /**
   * The Lucene sort for the given keys; no keys means relevance for scored queries and id
   * otherwise. Id ascending is always appended so that pages are stable.
   */
  static Sort sort(List<SortKey<TrackSort>> keys, boolean scored) {
    List<SortKey<TrackSort>> effective = keys;
    if (effective.isEmpty()) {
      effective = List.of(scored ? SortKey.desc(TrackSort.RELEVANCE) : SortKey.asc(TrackSort.ID));
    }
    List<SortField> fields = new ArrayList<>();
    boolean hasId = false;
    for (SortKey<TrackSort> k : effective) {
      TrackSort f = k.field();
      hasId |= f == TrackSort.ID;
      fields.add(
          switch (f.type()) {
            // Lucene's score sort is descending unless reversed.
            case SCORE -> new SortField(null, SortField.Type.SCORE, !k.descending());
            case LONG ->
                LongField.newSortField(f.field(), k.descending(), SortedNumericSelector.Type.MIN);
            case DOUBLE ->
                DoubleField.newSortField(f.field(), k.descending(), SortedNumericSelector.Type.MIN);
            case STRING ->
                KeywordField.newSortField(f.field(), k.descending(), SortedSetSelector.Type.MIN);
          });
    }
    if (!hasId) {
      fields.add(LongField.newSortField(IndexFields.ID, false, SortedNumericSelector.Type.MIN));
    }
    return new Sort(fields.toArray(SortField[]::new));
  }
}

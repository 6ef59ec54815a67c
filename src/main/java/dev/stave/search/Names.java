package dev.stave.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Name normalisation shared by indexing and querying, and the trigram analyser behind substring
 * search.
 *
 * <p>Why trigrams: a substring query must not scan every name. Indexing each name's overlapping
 * 3-character grams with their positions turns "names containing {@code s}" into a phrase query of
 * the grams of {@code s} at consecutive positions, answered from postings like any term query and
 * exact (not just "contains all grams"). Queries shorter than a gram fall back to a wildcard over
 * the term dictionary of whole normalised names, which visits unique names, not documents.
 */
final class Names {
  static final int GRAM = 3;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Analyser for {@link IndexFields#NAME_GRAMS}: input is already normalised. */
  static final Analyzer TRIGRAMS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          return new TokenStreamComponents(new NGramTokenizer(GRAM, GRAM));
        }
      };

  /**
   * Analyser for full-text fields (names, tags): standard tokens, lower case, accents folded, so
   * "Beyoncé" matches "beyonce".
   */
  static final Analyzer TEXT =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          StandardTokenizer tokenizer = new StandardTokenizer();
          TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
          return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
          return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
      };

  /** What the index writer uses: trigrams for the gram field, {@link #TEXT} for the rest. */
  static Analyzer indexAnalyzer() {
    return new PerFieldAnalyzerWrapper(TEXT, Map.of(IndexFields.NAME_GRAMS, TRIGRAMS));
  }

  private Names() {}

  /** The tokens {@link #TEXT} makes of a query text. */
  static List<String> terms(String text) {
    return tokens(TEXT, IndexFields.NAME, text);
  }

  /** Lower case, accents removed, inner whitespace collapsed, trimmed. */
  static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** The trigrams of an already normalised string, in order. */
  static List<String> trigrams(String normalized) {
    return tokens(TRIGRAMS, IndexFields.NAME_GRAMS, normalized);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

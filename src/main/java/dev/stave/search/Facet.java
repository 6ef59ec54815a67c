package dev.stave.search;

import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;

/**
 * One descriptive value of a track as tag similarity sees it: a tag name (any category) or a
 * Jamendo musicinfo value. Values are lower case, as the index holds them.
 */
public record Facet(Kind kind, String value) {
  /** What the value describes; each kind is one indexed field. */
  public enum Kind {
    TAG(IndexFields.TAG),
    VOCAL_INSTRUMENTAL(IndexFields.VOCAL_INSTRUMENTAL),
    ACOUSTIC_ELECTRIC(IndexFields.ACOUSTIC_ELECTRIC),
    LANG(IndexFields.LANG),
    GENDER(IndexFields.GENDER),
    SPEED(IndexFields.SPEED);

    private final String field;

    Kind(String field) {
      this.field = field;
    }
  }

  public Facet {
    if (kind == null || value == null || value.isBlank()) {
      throw new IllegalArgumentException("a facet needs a kind and a value");
    }
    value = value.trim().toLowerCase(Locale.ROOT);
  }

  /** Every facet of a track: its tags, then its musicinfo values, without duplicates. */
  public static List<Facet> of(Track t) {
    List<Facet> out = new ArrayList<>();
    for (Tag tag : t.tags()) {
      add(out, Kind.TAG, tag.name());
    }
    MusicInfo m = t.musicInfo();
    add(out, Kind.VOCAL_INSTRUMENTAL, m.vocalInstrumental());
    add(out, Kind.ACOUSTIC_ELECTRIC, m.acousticElectric());
    add(out, Kind.LANG, m.lang());
    add(out, Kind.GENDER, m.gender());
    add(out, Kind.SPEED, m.speed());
    return out;
  }

  private static void add(List<Facet> out, Kind kind, String value) {
    if (value != null && !value.isBlank()) {
      Facet f = new Facet(kind, value);
      if (!out.contains(f)) {
        out.add(f);
      }
    }
  }

  Term term() {
    return new Term(kind.field, value);
  }
}

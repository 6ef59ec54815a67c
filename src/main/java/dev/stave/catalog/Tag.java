package dev.stave.catalog;

import java.util.Locale;

/**
 * A track tag. Categories follow Jamendo's musicinfo: {@code genre}, {@code instrument} and {@code
 * mood} (Jamendo's "vartags": moods, themes and every other tag). Names are lower case.
 */
public record Tag(String category, String name) {
  public static final String GENRE = "genre";
  public static final String INSTRUMENT = "instrument";
  public static final String MOOD = "mood";

  public Tag {
    if (!GENRE.equals(category) && !INSTRUMENT.equals(category) && !MOOD.equals(category)) {
      throw new IllegalArgumentException("unknown tag category: " + category);
    }
    name = name.trim().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty tag");
    }
  }
}

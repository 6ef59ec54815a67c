package dev.stave.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe identifiers made from names, the way Jamendo's {@code idstr} looks. */
public final class Slugs {
  private Slugs() {}

  public static String slug(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    return ascii.isEmpty() ? "artist" : ascii;
  }
}

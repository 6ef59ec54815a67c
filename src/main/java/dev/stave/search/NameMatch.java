package dev.stave.search;

/**
 * A condition on a name, compared case- and accent-insensitively (see {@link Names#normalize}).
 *
 * @param text what to look for
 * @param mode whole name, start of the name, or anywhere in the name
 */
public record NameMatch(String text, Mode mode) {
  public enum Mode {
    EXACT,
    PREFIX,
    SUBSTRING
  }

  public NameMatch {
    if (!comparable(text)) {
      throw new IllegalArgumentException("name: empty text");
    }
    if (mode == null) {
      throw new IllegalArgumentException("name: no mode");
    }
  }

  /**
   * Whether {@code text} has something to compare once case, accents and spaces are set aside (a
   * lone combining accent has not): the condition a {@code NameMatch} needs.
   */
  public static boolean comparable(String text) {
    return text != null && !Names.normalize(text).isEmpty();
  }

  public static NameMatch exact(String text) {
    return new NameMatch(text, Mode.EXACT);
  }

  public static NameMatch prefix(String text) {
    return new NameMatch(text, Mode.PREFIX);
  }

  public static NameMatch substring(String text) {
    return new NameMatch(text, Mode.SUBSTRING);
  }

  /**
   * Whether {@code name} meets the condition, compared as the search index compares names; for what
   * is not in the index (playlists).
   */
  public boolean matches(String name) {
    if (name == null) {
      return false;
    }
    String n = Names.normalize(name);
    String t = Names.normalize(text);
    return switch (mode) {
      case EXACT -> n.equals(t);
      case PREFIX -> n.startsWith(t);
      case SUBSTRING -> n.contains(t);
    };
  }
}

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
    if (text == null || Names.normalize(text).isEmpty()) {
      throw new IllegalArgumentException("name: empty text");
    }
    if (mode == null) {
      throw new IllegalArgumentException("name: no mode");
    }
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
}

package dev.stave.ingest;

/**
 * Checks a path an import names for a track's audio (MTG's {@code PATH}, the jsonl {@code audio}
 * field): relative, with {@code /} separators and no {@code ..}, so that resolved under an audio
 * root it cannot name a file outside it.
 */
final class AudioPathText {
  private AudioPathText() {}

  /**
   * {@code text} stripped, or an {@link IllegalArgumentException} naming {@code field}.
   *
   * @throws IllegalArgumentException when the path is empty, absolute or climbs out with {@code ..}
   */
  static String relative(String field, String text) {
    String p = text.strip();
    boolean climbs = ("/" + p + "/").contains("/../");
    if (p.isEmpty()
        || p.startsWith("/")
        || p.contains("\\")
        || p.matches("^[A-Za-z]:.*")
        || climbs) {
      throw new IllegalArgumentException(
          field
              + " must be a path relative to an audio root, such as 45/245.mp3, got '"
              + text
              + "'");
    }
    return p;
  }
}

package dev.stave.catalog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An editorial news item. {@code title}, {@code text} and {@code subtitle} map a language code to
 * its text; {@code target} names what the item links to (album, artist, track, playlist, news) and
 * {@code joinId} its id; {@code langs} the languages it is shown in.
 */
public record Feed(
    long id,
    String type,
    Map<String, String> title,
    Map<String, String> text,
    Map<String, String> subtitle,
    String link,
    int position,
    List<String> langs,
    LocalDateTime dateStart,
    LocalDateTime dateEnd,
    String target,
    Long joinId,
    String image) {
  public Feed {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("feed " + id + " has no type");
    }
    if (title == null || title.isEmpty()) {
      throw new IllegalArgumentException("feed " + id + " has no title");
    }
    title = Map.copyOf(title);
    text = text == null ? Map.of() : Map.copyOf(text);
    subtitle = subtitle == null ? Map.of() : Map.copyOf(subtitle);
    langs = langs == null ? List.of() : List.copyOf(langs);
  }
}

package dev.stave.catalog;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An editorial news item. {@code type} says what it is about (album, artist, playlist, track, news,
 * interview, contest, video, update) and {@code joinId} the id of the album, artist, playlist or
 * track it links to; {@code title}, {@code text} and {@code subtitle} map a language code to its
 * text; {@code langs} are the languages it is shown in; {@code target} the audience (all, logged,
 * notlogged; null means all). It is shown between {@code dateStart} and {@code dateEnd} (null =
 * open).
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

package dev.stave.site.explorer;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Artist and album descriptions for a page. The catalog holds them as HTML per language (Jamendo's
 * shape), written by whoever made the import: the page shows them as plain text (tags dropped,
 * entities decoded, then escaped again by the template), never as markup, so a description cannot
 * inject script or styles. English first, else the first language in alphabetical order.
 */
public final class Descriptions {
  private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li)\\s*/?>");
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n\\s*(\\n\\s*)+");

  private Descriptions() {}

  /** The description to show, as plain text; empty when there is none. */
  public static Optional<String> pick(Map<String, String> byLanguage) {
    if (byLanguage == null || byLanguage.isEmpty()) {
      return Optional.empty();
    }
    String html =
        byLanguage.containsKey("en")
            ? byLanguage.get("en")
            : new TreeMap<>(byLanguage).firstEntry().getValue();
    String text = plain(html);
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /** {@code html} as text: line breaks kept, tags dropped, entities decoded. */
  static String plain(String html) {
    if (html == null) {
      return "";
    }
    String text = BREAKS.matcher(html).replaceAll("\n");
    text = TAGS.matcher(text).replaceAll("");
    text = HtmlUtils.htmlUnescape(text);
    return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
  }
}

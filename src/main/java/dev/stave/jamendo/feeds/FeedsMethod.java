package dev.stave.jamendo.feeds;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Feed;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /v3.0/feeds} (spec §8.11): the editorial items active now ({@code date_start ≤ now ≤
 * date_end}), filtered by id, language, audience and type, ordered by position unless asked
 * otherwise. Feeds are few, so they are read from the store and filtered here.
 */
@Component
public class FeedsMethod implements JamendoMethod {
  private static final int MAX_FEEDS = 10_000;
  public static final List<String> LANGS = List.of("en", "fr", "es", "de", "pl", "it", "ru", "pt");
  public static final List<String> TARGETS = List.of("all", "logged", "notlogged");
  public static final List<String> TYPES =
      List.of(
          "album",
          "artist",
          "playlist",
          "track",
          "news",
          "interview",
          "contest",
          "video",
          "update");
  private static final List<String> ORDERS =
      JamendoOrder.values("id", "date_start", "date_end", "position");

  /** The banner sizes Jamendo's feed items carry (spec §7.8). */
  private static final List<String> IMAGE_SIZES =
      List.of("996_350", "315_111", "600_211", "470_165");

  private static final DateTimeFormatter WIRE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final CatalogStore store;
  private final Clock clock;

  @Autowired
  public FeedsMethod(CatalogStore store) {
    this(store, Clock.systemUTC());
  }

  FeedsMethod(CatalogStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String path() {
    return "feeds";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon("id", "lang", "target", "type");
  }

  @Override
  public String itemName() {
    return "feed";
  }

  @Override
  public Result execute(JamendoParams params) {
    Optional<Long> id = params.integer("id");
    Optional<String> lang = params.oneOf("lang", LANGS);
    String target = params.oneOf("target", TARGETS).orElse("all");
    List<String> types = params.manyOf("type", TYPES);
    List<String> order = params.manyOf("order", ORDERS);
    JamendoParams.Paging paging = params.paging();
    boolean fullcount = params.fullcount();
    LocalDateTime now = LocalDateTime.now(clock);

    List<Feed> matching =
        store.readFirst(EditorialTables.FEEDS, MAX_FEEDS).stream()
            .filter(f -> active(f, now))
            .filter(f -> id.isEmpty() || f.id() == id.get())
            .filter(f -> lang.isEmpty() || f.langs().contains(lang.get()))
            .filter(f -> shownTo(f, target))
            .filter(f -> types.isEmpty() || types.contains(f.type()))
            .sorted(comparator(order.isEmpty() ? List.of("position") : order))
            .toList();
    List<Map<String, Object>> page = new ArrayList<>();
    matching.stream().skip(paging.offset()).limit(paging.limit()).forEach(f -> page.add(render(f)));
    return Result.of(page, fullcount ? (long) matching.size() : null);
  }

  private static boolean active(Feed f, LocalDateTime now) {
    return (f.dateStart() == null || !f.dateStart().isAfter(now))
        && (f.dateEnd() == null || !f.dateEnd().isBefore(now));
  }

  /**
   * Audiences overlap: an item for everyone is shown to logged-in and anonymous users alike, and
   * {@code target=all} asks for every item whatever its audience.
   */
  private static boolean shownTo(Feed f, String target) {
    String audience = f.target() == null ? "all" : f.target();
    return "all".equals(target) || "all".equals(audience) || audience.equals(target);
  }

  static Map<String, Object> render(Feed f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(f.id()));
    m.put("title", languageMap(f.title()));
    m.put("link", nullToEmpty(f.link()));
    m.put("position", String.valueOf(f.position()));
    m.put("lang", f.langs());
    m.put("date_start", f.dateStart() == null ? "" : WIRE_DATE.format(f.dateStart()));
    m.put("date_end", f.dateEnd() == null ? "" : WIRE_DATE.format(f.dateEnd()));
    m.put("text", languageMap(f.text()));
    m.put("type", f.type());
    m.put("joinid", f.joinId() == null ? "" : String.valueOf(f.joinId()));
    m.put("subtitle", languageMap(f.subtitle()));
    m.put("target", f.target() == null ? "all" : f.target());
    Map<String, Object> images = new LinkedHashMap<>();
    for (String size : IMAGE_SIZES) {
      images.put("size" + size, image(f.image(), size));
    }
    m.put("images", images);
    return m;
  }

  /** Jamendo writes an empty language map as {@code []} (spec §3.2); clients cope with both. */
  private static Object languageMap(Map<String, String> map) {
    return map.isEmpty() ? List.of() : new java.util.TreeMap<>(map);
  }

  private static String image(String image, String size) {
    if (image == null || image.isBlank()) {
      return "";
    }
    return UriComponentsBuilder.fromUriString(image)
        .replaceQueryParam("size", size)
        .build()
        .toUriString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Comparator<Feed> comparator(List<String> order) {
    return JamendoOrder.comparator(
        order,
        field ->
            switch (field) {
              case "date_start" ->
                  Comparator.comparing(
                      Feed::dateStart, Comparator.nullsFirst(Comparator.naturalOrder()));
              case "date_end" ->
                  Comparator.comparing(
                      Feed::dateEnd, Comparator.nullsLast(Comparator.naturalOrder()));
              case "position" -> Comparator.comparingInt(Feed::position);
              default -> Comparator.comparingLong(Feed::id);
            },
        Comparator.comparingLong(Feed::id));
  }
}

package dev.stave.subsonic.browse;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.CatalogStore.ArtistSummary;
import dev.stave.catalog.ChangeFollower;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicRenderer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every artist of the catalog grouped under its index letter, as {@code getIndexes} and {@code
 * getArtists} answer it: players ask for it at start-up and on every refresh, and a catalog holds
 * tens of thousands of artists, so it is built once and kept until the catalog changes: built from
 * {@link CatalogStore#artistSummaries} (the few columns it shows and the album counts, two plain
 * queries, not whole artists with their relations), with its elements made once, and each answer
 * serialised once per format ({@link Snapshot#rendered}): on 66,526 artists the serialised answer
 * is ~5 MB, and writing it anew for every player's refresh was most of a cached call's time. Names
 * are sorted and indexed without their leading article ({@link #IGNORED_ARTICLES}), ignoring case
 * and accents; a name that does not start with a letter goes under {@code #}.
 *
 * <p>When it is stale is read from the change log, not a timer: each request reads the log's last
 * sequence number (one indexed read), so a write by another process ({@code stave import}) is seen
 * on the next request. Decision: only an artist or album entry makes it rebuild (a name, an album
 * count); track entries, which every scrobble writes (listen counts), only move its sequence number
 * on, so a listening player does not make the next index request rebuild it. It is also a {@link
 * ChangeFollower}, so a writer in this process that catches its followers up after a batch drops a
 * stale index at once.
 */
@Component
public class ArtistIndex implements ChangeFollower {
  public static final String IGNORED_ARTICLES = "The El La Los Las Le Les";
  private static final Set<String> INDEXED_KINDS =
      Set.of(CatalogStore.ARTISTS.kind(), CatalogStore.ALBUMS.kind());

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final List<String> ARTICLES =
      List.of(IGNORED_ARTICLES.toLowerCase(Locale.ROOT).split(" "));

  private final CatalogStore store;
  private final SubsonicRenderer renderer;
  private volatile Snapshot snapshot;

  /** One artist with its album count and sort key. */
  public record Entry(ArtistSummary artist, String sortKey) {}

  /**
   * The index at one point of the change log, with each letter's {@code index} element made once
   * ({@code artist} children without the caller's marks), and the answers serialised from it kept
   * by {@link #rendered} (per method element and format), for as long as the snapshot lives.
   */
  public record Snapshot(
      long seq,
      Map<String, List<Entry>> byLetter,
      List<Node> elements,
      long builtAtMs,
      Map<String, String> renderedAnswers) {
    Snapshot at(long newSeq) {
      return new Snapshot(newSeq, byLetter, elements, builtAtMs, renderedAnswers);
    }

    /**
     * The answer serialised under {@code key} (e.g. {@code artists/json}), made by {@code render}
     * the first time it is asked for.
     */
    public String rendered(String key, Supplier<String> render) {
      return renderedAnswers.computeIfAbsent(key, k -> render.get());
    }
  }

  public ArtistIndex(CatalogStore store, SubsonicRenderer renderer) {
    this.store = store;
    this.renderer = renderer;
  }

  /**
   * The answer of {@code getIndexes} ({@code element} {@code indexes}) or {@code getArtists}
   * ({@code artists}): serialised once per index build and format, the same for every caller (it
   * carries no marks of the caller's); empty when nothing changed after {@code ifModifiedSince}.
   */
  public Node answer(String element, long ifModifiedSince) {
    Snapshot s = current();
    if (ifModifiedSince >= s.builtAtMs()) {
      return element(element, s).addAll("index", List.of());
    }
    return Node.serialised(element, format -> serialised(s, element, format));
  }

  /**
   * Builds the index and serialises the {@code getArtists} and {@code getIndexes} answers in both
   * formats now (~5 MB each on 66,526 artists), so that the first player asking does not wait for
   * them (called in the background at start-up).
   */
  public void warm() {
    Snapshot s = current();
    for (String element : List.of("artists", "indexes")) { // ID3 players, folder players (DSub)
      for (String format : List.of("json", "xml")) {
        serialised(s, element, format);
      }
    }
  }

  private String serialised(Snapshot s, String element, String format) {
    String kind = "xml".equals(format) ? "xml" : "json"; // jsonp is the JSON, wrapped
    return s.rendered(
        element + "/" + kind,
        () -> renderer.serialise(element(element, s).addAll("index", s.elements()), kind));
  }

  private static Node element(String element, Snapshot s) {
    Node n = Node.of(element).attr("ignoredArticles", IGNORED_ARTICLES);
    return element.equals("indexes") ? n.attr("lastModified", s.builtAtMs()) : n;
  }

  /** The current index, rebuilt first if an artist or album changed since it was built. */
  public Snapshot current() {
    long seq = store.lastChangeSeq();
    Snapshot s = snapshot;
    if (s != null && s.seq() == seq) {
      return s;
    }
    synchronized (this) {
      s = followUp(snapshot, seq);
      if (s == null) {
        s = build(seq);
      }
      snapshot = s;
      return s;
    }
  }

  /** Drops the index if an artist or album changed (the next request rebuilds it). */
  @Override
  public synchronized void catchUp() {
    snapshot = followUp(snapshot, store.lastChangeSeq());
  }

  /**
   * {@code s} moved on to {@code seq} when the change-log entries in between touch no artist or
   * album; null when they do (or {@code s} is null, or there are too many entries to read).
   */
  private Snapshot followUp(Snapshot s, long seq) {
    if (s == null || s.seq() == seq) {
      return s;
    }
    boolean stale =
        ChangeLogWindow.staleBetween(store, s.seq(), seq, c -> INDEXED_KINDS.contains(c.kind()));
    return stale ? null : s.at(seq);
  }

  private Snapshot build(long seq) {
    List<Entry> all = new ArrayList<>();
    for (ArtistSummary a : store.artistSummaries()) {
      all.add(new Entry(a, sortKey(a.name())));
    }
    all.sort(Comparator.comparing(Entry::sortKey).thenComparing(e -> e.artist().id()));
    Map<String, List<Entry>> byLetter = new LinkedHashMap<>();
    for (Entry e : all) {
      byLetter.computeIfAbsent(letter(e.sortKey()), k -> new ArrayList<>()).add(e);
    }
    // '#' first, as players list it
    Map<String, List<Entry>> ordered = new LinkedHashMap<>();
    if (byLetter.containsKey("#")) {
      ordered.put("#", byLetter.remove("#"));
    }
    ordered.putAll(byLetter);
    List<Node> elements = new ArrayList<>(ordered.size());
    ordered.forEach(
        (letter, entries) -> {
          Node i = Node.of("index").attr("name", letter);
          for (Entry e : entries) {
            i.add(SubsonicViews.artist("artist", e.artist()));
          }
          elements.add(i);
        });
    return new Snapshot(
        seq, ordered, List.copyOf(elements), System.currentTimeMillis(), new ConcurrentHashMap<>());
  }

  static String sortKey(String name) {
    String n =
        MARKS
            .matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    for (String article : ARTICLES) {
      if (n.startsWith(article + " ") && n.length() > article.length() + 1) {
        return n.substring(article.length() + 1).strip();
      }
    }
    return n;
  }

  static String letter(String sortKey) {
    if (sortKey.isEmpty()) {
      return "#";
    }
    char c = sortKey.charAt(0);
    return c >= 'a' && c <= 'z' ? String.valueOf(Character.toUpperCase(c)) : "#";
  }
}

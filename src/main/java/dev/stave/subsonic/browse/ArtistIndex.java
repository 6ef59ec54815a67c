package dev.stave.subsonic.browse;

import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Change;
import dev.stave.catalog.ChangeFollower;
import dev.stave.subsonic.api.Node;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every artist of the catalog grouped under its index letter, as {@code getIndexes} and {@code
 * getArtists} answer it: players ask for it at start-up and on every refresh, and a catalog holds
 * tens of thousands of artists, so it is built once (artists a page at a time, album counts in one
 * grouped query) and kept, with its elements rendered, until the catalog changes. Names are sorted
 * and indexed without their leading article ({@link #IGNORED_ARTICLES}), ignoring case and accents;
 * a name that does not start with a letter goes under {@code #}.
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
  private static final int PAGE = 2_000;

  /** Past this many change-log entries to look through, rebuilding is as cheap as reading them. */
  private static final int MAX_CHANGES_READ = 20_000;

  private static final Set<String> INDEXED_KINDS =
      Set.of(CatalogStore.ARTISTS.kind(), CatalogStore.ALBUMS.kind());

  private final CatalogStore store;
  private volatile Snapshot snapshot;

  /** One artist with its album count and sort key. */
  public record Entry(Artist artist, int albumCount, String sortKey) {}

  /**
   * The index at one point of the change log, with each letter's {@code index} element rendered
   * once ({@code artist} children without the caller's marks).
   */
  public record Snapshot(
      long seq, Map<String, List<Entry>> byLetter, List<Node> elements, long builtAtMs) {
    Snapshot at(long newSeq) {
      return new Snapshot(newSeq, byLetter, elements, builtAtMs);
    }
  }

  public ArtistIndex(CatalogStore store) {
    this.store = store;
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
    long after = s.seq();
    int read = 0;
    while (after < seq && read < MAX_CHANGES_READ) {
      List<Change> changes = store.changesAfter(after, 1_000);
      if (changes.isEmpty()) {
        break;
      }
      for (Change c : changes) {
        if (c.seq() > seq) {
          return s.at(seq);
        }
        if (INDEXED_KINDS.contains(c.kind())) {
          return null;
        }
        after = c.seq();
      }
      read += changes.size();
    }
    return after >= seq ? s.at(seq) : null;
  }

  private Snapshot build(long seq) {
    Map<Long, Integer> albums = store.albumCountsByArtist(null);
    List<Entry> all = new ArrayList<>();
    store.forEachArtistPage(
        PAGE,
        page -> {
          for (Artist a : page) {
            all.add(new Entry(a, albums.getOrDefault(a.id(), 0), sortKey(a.name())));
          }
        });
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
            i.add(SubsonicViews.artist("artist", e.artist(), e.albumCount()));
          }
          elements.add(i);
        });
    return new Snapshot(seq, ordered, List.copyOf(elements), System.currentTimeMillis());
  }

  static String sortKey(String name) {
    String n =
        Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    for (String article : IGNORED_ARTICLES.toLowerCase(Locale.ROOT).split(" ")) {
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

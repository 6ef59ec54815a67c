package dev.stave.subsonic.browse;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every artist of the catalog grouped under its index letter, as {@code getIndexes} and {@code
 * getArtists} answer it: players ask for it at start-up and on every refresh, and a catalog holds
 * tens of thousands of artists, so it is built once and kept until the catalog changes (the change
 * log's last sequence number, one indexed read per request, says when). Names are sorted and
 * indexed without their leading article ({@link #IGNORED_ARTICLES}), ignoring case and accents; a
 * name that does not start with a letter goes under {@code #}.
 */
@Component
public class ArtistIndex {
  public static final String IGNORED_ARTICLES = "The El La Los Las Le Les";
  private static final int PAGE = 2_000;

  private final CatalogStore store;
  private volatile Snapshot snapshot;

  /** One artist with its album count and sort key. */
  public record Entry(Artist artist, int albumCount, String sortKey) {}

  /** The index at one point of the change log. */
  public record Snapshot(long seq, Map<String, List<Entry>> byLetter, long builtAtMs) {}

  public ArtistIndex(CatalogStore store) {
    this.store = store;
  }

  /** The current index, rebuilt first if the catalog changed since it was built. */
  public Snapshot current() {
    long seq = store.lastChangeSeq();
    Snapshot s = snapshot;
    if (s != null && s.seq() == seq) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s == null || s.seq() != seq) {
        s = build(seq);
        snapshot = s;
      }
      return s;
    }
  }

  private Snapshot build(long seq) {
    Map<Long, Integer> albums = new HashMap<>();
    store.forEachAlbumPage(
        PAGE,
        page -> {
          for (Album a : page) {
            albums.merge(a.primaryArtistId(), 1, Integer::sum);
          }
        });
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
    return new Snapshot(seq, ordered, System.currentTimeMillis());
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

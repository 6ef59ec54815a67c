package dev.stave.subsonic.media;

import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.search.CatalogSearch;
import dev.stave.search.TrackQuery;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Lyrics, from the catalog's track lyrics: {@code getLyrics} by artist and title (Subsonic) and
 * {@code getLyricsBySongId} (the OpenSubsonic {@code songLyrics} extension), the latter as unsynced
 * lines, since the catalog keeps plain text without timings; the language is not recorded, so it is
 * {@code und} (ISO 639-2 "undetermined").
 */
@Component
class LyricsMethods implements SubsonicMethods {
  private final CatalogStore store;
  private final EntityCache entities;
  private final CatalogSearch search;

  LyricsMethods(CatalogStore store, EntityCache entities, CatalogSearch search) {
    this.store = store;
    this.entities = entities;
    this.search = search;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("getLyrics", this::lyrics);
    m.put("getLyricsBySongId", this::bySongId);
    return m;
  }

  private Node lyrics(SubsonicRequest r) {
    Optional<String> artist = r.string("artist");
    Optional<String> title = r.string("title");
    if (artist.isEmpty() && title.isEmpty()) {
      throw SubsonicException.missing("artist or title");
    }
    TrackQuery.Builder q = TrackQuery.builder().page(0, 20);
    title.ifPresent(q::text);
    if (artist.isPresent()) {
      Long id = store.artistIdsByName(List.of(artist.get())).get(artist.get());
      if (id == null) {
        return Node.of("lyrics");
      }
      q.artistIds(Set.of(id));
    }
    Optional<Track> found =
        entities.tracks(search.tracks(q.build()).ids()).stream()
            .filter(t -> t.lyrics() != null && !t.lyrics().isBlank())
            .filter(t -> title.isEmpty() || t.name().equalsIgnoreCase(title.get().strip()))
            .findFirst();
    if (found.isEmpty()) {
      return Node.of("lyrics");
    }
    Track t = found.get();
    List<Artist> a = entities.artists(List.of(t.primaryArtistId()));
    return Node.of("lyrics")
        .attr("artist", a.isEmpty() ? null : a.getFirst().name())
        .attr("title", t.name())
        .text(t.lyrics());
  }

  private Node bySongId(SubsonicRequest r) {
    long id = r.requiredId("id");
    List<Track> t = entities.tracks(List.of(id));
    if (t.isEmpty()) {
      throw SubsonicException.notFound("song (parameter 'id')", id);
    }
    Node list = Node.of("lyricsList").addAll("structuredLyrics", List.of());
    String text = t.getFirst().lyrics();
    if (text == null || text.isBlank()) {
      return list;
    }
    Node lyrics =
        Node.of("structuredLyrics")
            .attr("displayTitle", t.getFirst().name())
            .attr("lang", "und")
            .attr("synced", false);
    for (String line : text.split("\\R", -1)) {
      lyrics.add(Node.of("line").text(line));
    }
    return list.add(lyrics);
  }
}

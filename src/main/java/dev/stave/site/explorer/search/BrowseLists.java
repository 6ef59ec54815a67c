package dev.stave.site.explorer.search;

import dev.stave.catalog.EntityCache;
import dev.stave.search.CatalogSearch;
import dev.stave.search.Completion;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import dev.stave.site.TrackRow;
import dev.stave.site.TrackRows;
import dev.stave.site.explorer.AlbumCard;
import dev.stave.site.explorer.ArtistCard;
import dev.stave.site.explorer.Cards;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What {@code /search} shows before anything is typed: the most popular tracks and artists, the
 * newest albums and the most used tags, each a sorted read of the search index (doc values, no
 * scoring), so the page costs the same on a thousand tracks as on a million.
 */
@Component
public class BrowseLists {
  static final int TRACKS = 20;
  static final int ALBUMS = 12;
  static final int ARTISTS = 12;
  static final int TAGS = 40;

  /** More than the tag vocabulary of any catalog seen (MTG-Jamendo has under 200). */
  static final int ALL_TAGS = 5_000;

  private final CatalogSearch search;
  private final EntityCache entities;
  private final TrackRows rows;
  private final Cards cards;

  public BrowseLists(CatalogSearch search, EntityCache entities, TrackRows rows, Cards cards) {
    this.search = search;
    this.entities = entities;
    this.rows = rows;
    this.cards = cards;
  }

  /** A tag and how many tracks carry it. */
  public record TagCount(String name, long tracks) {}

  public record Browse(
      List<TrackRow> popularTracks,
      List<AlbumCard> newAlbums,
      List<ArtistCard> popularArtists,
      List<TagCount> tags) {}

  public Browse browse() {
    List<Long> tracks =
        search
            .tracks(TrackQuery.builder().sortBy(TrackSort.POPULARITY, true).page(0, TRACKS).build())
            .ids();
    List<Long> albums =
        search
            .albums(
                EntityQuery.builder().sortBy(EntitySort.RELEASE_DATE, true).page(0, ALBUMS).build())
            .ids();
    List<Long> artists =
        search
            .artists(
                EntityQuery.builder().sortBy(EntitySort.POPULARITY, true).page(0, ARTISTS).build())
            .ids();
    List<TagCount> tags =
        search.completeTags("", ALL_TAGS).stream()
            .sorted(
                Comparator.comparingLong(Completion::count)
                    .reversed()
                    .thenComparing(Completion::match))
            .limit(TAGS)
            .sorted(Comparator.comparing(Completion::match))
            .map(c -> new TagCount(c.match(), c.count()))
            .toList();
    return new Browse(
        rows.of(entities.tracks(tracks)),
        cards.albums(entities.albums(albums)),
        cards.artists(entities.artists(artists)),
        tags);
  }
}

package dev.stave.site.explorer.artists;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import dev.stave.site.PageNotFoundException;
import dev.stave.site.TrackRows;
import dev.stave.site.explorer.Cards;
import dev.stave.site.explorer.Descriptions;
import dev.stave.site.explorer.WebLink;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /artists/{id}}: where the artist is based, their albums (newest first), their most popular
 * tracks with play buttons, the tags of their music, the description and links to their website and
 * to other catalogs. Albums and top tracks come from the search index (sorted reads), and the
 * albums the top tracks belong to are not read twice.
 */
@Controller
public class ArtistPageController {
  static final int ALBUMS = 48;
  static final int TOP_TRACKS = 10;
  static final int TAGS = 12;

  private final CatalogStore store;
  private final EntityCache entities;
  private final CatalogSearch search;
  private final TrackRows rows;
  private final Cards cards;

  public ArtistPageController(
      CatalogStore store, EntityCache entities, CatalogSearch search, TrackRows rows, Cards cards) {
    this.store = store;
    this.entities = entities;
    this.search = search;
    this.rows = rows;
    this.cards = cards;
  }

  @GetMapping("/artists/{id}")
  public String artist(@PathVariable long id, Model model) {
    Artist artist =
        entities.artists(List.of(id)).stream()
            .findFirst()
            .orElseThrow(() -> new PageNotFoundException("There is no artist " + id + " here."));
    SearchResult albumHits =
        search.albums(
            EntityQuery.builder()
                .artistIds(List.of(id))
                .sortBy(EntitySort.RELEASE_DATE, true)
                .page(0, ALBUMS)
                .build());
    List<Album> albums = entities.albums(albumHits.ids());
    List<Long> topIds =
        search
            .tracks(
                TrackQuery.builder()
                    .artistIds(List.of(id))
                    .sortBy(TrackSort.POPULARITY, true)
                    .page(0, TOP_TRACKS)
                    .build())
            .ids();
    List<String> tags = store.tagsOfArtists(List.of(id)).getOrDefault(id, List.of());
    model.addAttribute(
        "artist",
        new ArtistPage(
            artist.id(),
            artist.name(),
            artist.locations().stream().map(Cards::place).filter(p -> !p.isEmpty()).toList(),
            artist.joinDate() == null ? "" : artist.joinDate().toString(),
            Descriptions.pick(artist.descriptions()).orElse(""),
            links(artist),
            tags.subList(0, Math.min(TAGS, tags.size())),
            cards.albums(albums, List.of(artist)),
            albumHits.total(),
            rows.of(entities.tracks(topIds), List.of(artist), albums)));
    return "explorer/artist";
  }

  /** The artist's website and pages in other catalogs, where the catalog knows them. */
  static List<WebLink> links(Artist artist) {
    List<WebLink> links = new ArrayList<>();
    WebLink.of(artist.website(), "Website").ifPresent(links::add);
    links.addAll(WebLink.elsewhere(artist.externalIds(), "artist", "artist"));
    return links;
  }
}

package dev.stave.jamendo.albums;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.ListPaging;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.EntitySort;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/albums} (spec §8.1) from the search index. {@code type=album} means every
 * release that is not a single (albums, EPs, compilations); without {@code type} both come back.
 * The three popularity orders use the album's one popularity figure and are always descending.
 */
@Component
public class AlbumsMethod implements JamendoMethod {
  /** The {@code order} fields of albums (spec §8.1), also accepted by every albums/* method. */
  public static final Map<String, EntitySort> ORDER_FIELDS =
      Map.of(
          "name", EntitySort.NAME,
          "id", EntitySort.ID,
          "releasedate", EntitySort.RELEASE_DATE,
          "artist_id", EntitySort.ARTIST_ID,
          "artist_name", EntitySort.ARTIST_NAME,
          "popularity_total", EntitySort.POPULARITY,
          "popularity_month", EntitySort.POPULARITY,
          "popularity_week", EntitySort.POPULARITY);

  private static final List<String> NOT_SINGLES = List.of("album", "ep", "compilation");

  private final CatalogSearch search;
  private final EntityCache entities;
  private final JamendoLinks links;
  private final boolean musicinfo;

  @Autowired
  public AlbumsMethod(CatalogSearch search, EntityCache entities, JamendoLinks links) {
    this(search, entities, links, false);
  }

  private AlbumsMethod(
      CatalogSearch search, EntityCache entities, JamendoLinks links, boolean musicinfo) {
    this.search = search;
    this.entities = entities;
    this.links = links;
    this.musicinfo = musicinfo;
  }

  /**
   * {@code GET /v3.0/albums/musicinfo} (spec §8.4): every {@code albums} parameter plus {@code tag}
   * (one album tag), each album with {@code musicinfo{tags, description}}.
   */
  @Component
  public static class MusicInfo implements JamendoMethod {
    private final AlbumsMethod albums;

    public MusicInfo(CatalogSearch search, EntityCache entities, JamendoLinks links) {
      this.albums = new AlbumsMethod(search, entities, links, true);
    }

    @Override
    public String path() {
      return "albums/musicinfo";
    }

    @Override
    public Set<String> parameters() {
      return albums.parameters();
    }

    @Override
    public String itemName() {
      return "album";
    }

    @Override
    public Result execute(JamendoParams params) {
      return albums.execute(params);
    }
  }

  @Override
  public String path() {
    return "albums";
  }

  /** The parameters of {@code albums}, inherited by every albums/* method (spec §5.1). */
  public static final List<String> PARAMETERS =
      List.of(
          "id",
          "name",
          "namesearch",
          "artist_id",
          "artist_name",
          "datebetween",
          "imagesize",
          "audioformat",
          "type");

  @Override
  public Set<String> parameters() {
    List<String> own = new ArrayList<>(PARAMETERS);
    if (musicinfo) {
      own.add("tag");
    }
    return JamendoMethod.withCommon(own.toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "album";
  }

  @Override
  public Result execute(JamendoParams p) {
    ListPaging paging = ListPaging.of(p);
    String size = EntityParams.imageSize(p);
    p.oneOf("audioformat", List.of("mp32")); // the only zip format (spec §6.2)
    Optional<EntityQuery.Builder> q = filters(p);
    if (q.isEmpty()) {
      return paging.none();
    }
    EntityParams.sortBy(p, ORDER_FIELDS, q.get());
    SearchResult r = search.albums(paging.page(q.get()));
    return paging.result(render(r.ids(), size), r);
  }

  /**
   * The albums filters of the request (everything but order, paging, {@code imagesize} and {@code
   * audioformat}; {@code tag} for albums/musicinfo); empty when they can match nothing, e.g. an
   * unknown artist name.
   */
  public Optional<EntityQuery.Builder> filters(JamendoParams p) {
    EntityQuery.Builder q = EntityQuery.builder();
    EntityParams.idsAndNames(p, q);
    List<Long> artistIds = p.integers("artist_id");
    Optional<NameMatch> artistName = p.nameMatch("artist_name", NameMatch::exact);
    if (artistName.isPresent()) {
      artistIds = EntityParams.idsNamed(search::artists, artistName.get(), artistIds);
      if (artistIds.isEmpty()) {
        return Optional.empty();
      }
    }
    if (!artistIds.isEmpty()) {
      q.artistIds(artistIds);
    }
    EntityParams.dateRange(p, q);
    if (musicinfo) {
      p.string("tag").ifPresent(t -> q.tags(List.of(t)));
    }
    Set<String> types = new HashSet<>(p.manyOf("type", List.of("single", "album")));
    if (types.size() == 1) {
      q.albumTypes(types.contains("single") ? List.of("single") : NOT_SINGLES);
    }
    return Optional.of(q);
  }

  /** The albums of {@code ids}, in that order, as {@code albums} writes them. */
  public List<Map<String, Object>> render(List<Long> ids, String size) {
    List<Album> albums = entities.albums(ids);
    Map<Long, Artist> artists =
        entities.artists(albums.stream().map(Album::primaryArtistId).distinct().toList()).stream()
            .collect(Collectors.toMap(Artist::id, Function.identity(), (a, b) -> a));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Album a : albums) {
      out.add(render(a, artists.get(a.primaryArtistId()), size));
    }
    return out;
  }

  private Map<String, Object> render(Album a, Artist artist, String size) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(a.id()));
    m.put("name", a.name());
    m.put("releasedate", a.releaseDate() == null ? "" : a.releaseDate().date().toString());
    m.put("artist_id", String.valueOf(a.primaryArtistId()));
    m.put("artist_name", artist == null ? "" : artist.name());
    m.put("image", links.image("album", a.id(), a.image(), size));
    m.put("zip", a.zipAllowed() ? links.albumZip(a.id()) : "");
    m.put("shorturl", links.shortAlbum(a.id()));
    m.put("shareurl", links.share("album", a.id()));
    m.put("zip_allowed", a.zipAllowed());
    if (musicinfo) {
      m.put("musicinfo", EntityParams.musicinfo(a.tags(), a.descriptions()));
    }
    return m;
  }
}

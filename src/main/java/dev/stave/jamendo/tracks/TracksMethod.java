package dev.stave.jamendo.tracks;

import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.search.CatalogSearch;
import dev.stave.search.EntityQuery;
import dev.stave.search.FeatureVector;
import dev.stave.search.NameMatch;
import dev.stave.search.SearchResult;
import dev.stave.search.TrackQuery;
import dev.stave.search.TrackSort;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/tracks} (spec §8.19), the main search and discovery method, answered from the
 * search index and rendered by {@link TrackPages}.
 *
 * <p>Where the spec is silent: {@code popularity_week}/{@code popularity_month} order and boost by
 * listens in that window and {@code popularity_total} by the catalog's popularity figure; {@code
 * buzzrate} by listens of the week (recent momentum); {@code prolicensing=true} and {@code
 * probackground=true} match nothing, since this server runs no such programmes; {@code groupby}
 * keeps the first track per artist or album of the ordered results and pages over those; {@code
 * xartist} finds tracks whose audio features are nearest to that artist's (see {@link
 * #similarToArtist}).
 */
@Component
public class TracksMethod implements JamendoMethod {
  private static final List<String> INCLUDES = List.of("licenses", "musicinfo", "stats", "lyrics");
  private static final List<String> TYPES = List.of("single", "albumtrack");
  private static final List<String> SPEEDS =
      List.of("verylow", "low", "medium", "high", "veryhigh");

  /** Rating figures: always sorted descending, and usable as {@code boost} (spec §5.2). */
  private static final Map<String, TrackSort> RATINGS =
      Map.ofEntries(
          Map.entry("buzzrate", TrackSort.LISTENS_WEEK),
          Map.entry("downloads_week", TrackSort.DOWNLOADS_WEEK),
          Map.entry("downloads_month", TrackSort.DOWNLOADS_MONTH),
          Map.entry("downloads_total", TrackSort.DOWNLOADS_TOTAL),
          Map.entry("listens_week", TrackSort.LISTENS_WEEK),
          Map.entry("listens_month", TrackSort.LISTENS_MONTH),
          Map.entry("listens_total", TrackSort.LISTENS_TOTAL),
          Map.entry("popularity_week", TrackSort.LISTENS_WEEK),
          Map.entry("popularity_month", TrackSort.LISTENS_MONTH),
          Map.entry("popularity_total", TrackSort.POPULARITY));

  private static final Map<String, TrackSort> PLAIN_ORDERS =
      Map.of(
          "relevance", TrackSort.RELEVANCE,
          "name", TrackSort.NAME,
          "album_name", TrackSort.ALBUM_NAME,
          "artist_name", TrackSort.ARTIST_NAME,
          "releasedate", TrackSort.RELEASE_DATE,
          "duration", TrackSort.DURATION,
          "id", TrackSort.ID);

  private static final List<String> ORDERS = orderValues();

  /** Weight of the popularity blended into every free-text search (spec: "implicit weak"). */
  private static final float IMPLICIT_BOOST = 0.3f;

  private static final float BOOST = 1.5f;

  /** Results scanned at most to form groups for {@code groupby}. */
  private static final int GROUP_SCAN_LIMIT = 10_000;

  private final CatalogSearch search;
  private final CatalogStore store;
  private final TrackPages pages;

  public TracksMethod(CatalogSearch search, CatalogStore store, TrackPages pages) {
    this.search = search;
    this.store = store;
    this.pages = pages;
  }

  @Override
  public String path() {
    return "tracks";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon(
        "id",
        "name",
        "namesearch",
        "type",
        "album_id",
        "album_name",
        "artist_id",
        "artist_name",
        "content_id_free",
        "datebetween",
        "featured",
        "imagesize",
        "audioformat",
        "audiodlformat",
        "tags",
        "fuzzytags",
        "acousticelectric",
        "vocalinstrumental",
        "gender",
        "speed",
        "lang",
        "durationbetween",
        "search",
        "prolicensing",
        "probackground",
        "ccsa",
        "ccnd",
        "ccnc",
        "include",
        "groupby",
        "boost",
        "xartist");
  }

  @Override
  public String itemName() {
    return "track";
  }

  @Override
  public Result execute(JamendoParams p) {
    JamendoParams.Paging paging = p.paging();
    boolean fullcount = p.fullcount();
    TrackView.Options options = options(p);
    Optional<String> groupBy = p.oneOf("groupby", List.of("artist_id", "album_id"));
    TrackQuery.Builder q = TrackQuery.builder();
    if (!filters(p, q)) {
      return Result.of(List.of(), fullcount ? 0L : null);
    }
    Optional<String> xartist = p.string("xartist");
    if (xartist.isPresent()) {
      if (!similarToArtist(p, xartist.get(), q)) {
        return Result.of(List.of(), fullcount ? 0L : null);
      }
    } else {
      ordering(p, q);
    }
    List<Long> ids;
    Long total;
    if (groupBy.isPresent()) {
      List<Long> grouped = grouped(q, groupBy.get());
      total = (long) grouped.size();
      ids = grouped.stream().skip(paging.offset()).limit(paging.limit()).toList();
    } else {
      if (paging.offset() + paging.limit() > TrackQuery.MAX_WINDOW) {
        throw JamendoException.type(
            "offset",
            "reaches past result " + TrackQuery.MAX_WINDOW + "; narrow the query instead");
      }
      SearchResult r = search.tracks(q.page((int) paging.offset(), paging.limit()).build());
      ids = r.ids();
      total = r.total();
    }
    return Result.of(pages.render(ids, options), fullcount ? total : null);
  }

  /** Applies the filters; false when they can match nothing (e.g. an unknown album name). */
  private boolean filters(JamendoParams p, TrackQuery.Builder q) {
    if (p.bool("prolicensing").orElse(false) || p.bool("probackground").orElse(false)) {
      return false;
    }
    List<Long> ids = p.integers("id");
    if (!ids.isEmpty()) {
      q.ids(ids);
    }
    p.nameMatch("name", NameMatch::exact).ifPresent(q::name);
    p.nameMatch("namesearch", NameMatch::substring).ifPresent(q::name);
    Set<String> types = new HashSet<>(p.manyOf("type", TYPES));
    if (types.isEmpty()) {
      types.add("albumtrack"); // Jamendo lists album tracks unless asked otherwise
    }
    if (types.size() == 1) {
      q.single(types.contains("single"));
    }
    List<Long> albumIds = new ArrayList<>(p.integers("album_id"));
    Optional<NameMatch> albumName = p.nameMatch("album_name", NameMatch::exact);
    if (albumName.isPresent()) {
      albumIds = EntityParams.idsNamed(search::albums, albumName.get(), albumIds);
      if (albumIds.isEmpty()) {
        return false;
      }
    }
    if (!albumIds.isEmpty()) {
      q.albumIds(albumIds);
    }
    List<Long> artistIds = new ArrayList<>(p.integers("artist_id"));
    Optional<NameMatch> artistName = p.nameMatch("artist_name", NameMatch::exact);
    if (artistName.isPresent()) {
      artistIds = EntityParams.idsNamed(search::artists, artistName.get(), artistIds);
      if (artistIds.isEmpty()) {
        return false;
      }
    }
    if (!artistIds.isEmpty()) {
      q.artistIds(artistIds);
    }
    p.bool("content_id_free").ifPresent(q::contentIdFree);
    p.dateRange("datebetween").ifPresent(r -> q.released(open(r[0]), open(r[1])));
    p.integerRange("durationbetween").ifPresent(r -> q.durationMs(r[0] * 1000, r[1] * 1000 + 999));
    p.bool("featured")
        .ifPresent(
            f -> {
              if (f) {
                q.featured(true);
              }
            });
    List<String> tags = p.multi("tags");
    if (!tags.isEmpty()) {
      q.tags(tags);
    }
    List<String> fuzzy = p.multi("fuzzytags");
    if (!fuzzy.isEmpty()) {
      q.fuzzyTags(fuzzy);
    }
    p.oneOf("acousticelectric", List.of("acoustic", "electric")).ifPresent(q::acousticElectric);
    p.oneOf("vocalinstrumental", List.of("vocal", "instrumental")).ifPresent(q::vocalInstrumental);
    p.oneOf("gender", List.of("male", "female")).ifPresent(q::gender);
    List<String> speeds = p.manyOf("speed", SPEEDS);
    if (!speeds.isEmpty()) {
      q.speeds(speeds);
    }
    List<String> langs = p.multi("lang");
    for (String lang : langs) {
      if (!lang.matches("[a-zA-Z]{2}")) {
        throw JamendoException.type("lang", "takes 2-letter language codes, got '" + lang + "'");
      }
    }
    if (!langs.isEmpty()) {
      q.langs(langs.stream().map(l -> l.toLowerCase(java.util.Locale.ROOT)).toList());
    }
    p.bool("ccnc").ifPresent(q::ccnc);
    p.bool("ccnd").ifPresent(q::ccnd);
    p.bool("ccsa").ifPresent(q::ccsa);
    p.string("search").ifPresent(q::text);
    return true;
  }

  private static LocalDate open(LocalDate d) {
    return d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX) ? null : d;
  }

  /**
   * Order and boost. Rating orders are always descending (spec §5.2); several orders combine; a
   * free-text search is blended with a weak popularity unless {@code boost} names a figure.
   */
  private void ordering(JamendoParams p, TrackQuery.Builder q) {
    Optional<String> boost = p.oneOf("boost", List.copyOf(RATINGS.keySet()));
    boolean ranked = p.has("search") || p.has("fuzzytags");
    List<String> orders = p.manyOf("order", ORDERS);
    boolean relevanceFirst =
        orders.isEmpty() || "relevance".equals(JamendoOrder.field(orders.get(0)));
    if (relevanceFirst) {
      // A rating boost orders filter-only queries too (the genre-chart recipe of spec §8.19).
      if (boost.isPresent()) {
        q.boost(RATINGS.get(boost.get()), BOOST);
      } else if (p.has("search")) {
        q.boost(TrackSort.LISTENS_MONTH, IMPLICIT_BOOST);
      }
      if (orders.isEmpty() && (ranked || boost.isPresent())) {
        q.sortBy(TrackSort.RELEVANCE, true);
      }
    }
    for (String o : orders) {
      String field = JamendoOrder.field(o);
      TrackSort rating = RATINGS.get(field);
      if (rating != null) {
        q.sortBy(rating, true);
      } else if ("relevance".equals(field)) {
        q.sortBy(TrackSort.RELEVANCE, true);
      } else {
        q.sortBy(PLAIN_ORDERS.get(field), o.endsWith("_desc"));
      }
    }
  }

  /**
   * {@code xartist} (spec §8.19: tracks similar to a named artist, typically one from outside the
   * catalog): the artist is looked up by exact name (or numeric id) among every artist the store
   * knows, including those imported from feature datasets; the result is the tracks nearest to the
   * mean audio features of its tracks, its own tracks excluded, every other filter applied inside
   * the search. False (no results, with a warning) when the artist or its audio features are
   * unknown. The order is by similarity, so {@code order} and {@code boost} are refused.
   */
  private boolean similarToArtist(JamendoParams p, String artist, TrackQuery.Builder q) {
    if (p.has("order") || p.has("boost")) {
      throw JamendoException.type(
          "xartist",
          "orders by similarity to the artist and cannot be combined with order or boost");
    }
    List<Long> artistIds = List.of();
    if (artist.matches("\\d{1,18}")) {
      artistIds =
          search.artists(EntityQuery.builder().ids(List.of(Long.parseLong(artist))).build()).ids();
    }
    if (artistIds.isEmpty() && NameMatch.comparable(artist)) {
      artistIds = EntityParams.idsNamed(search::artists, NameMatch.exact(artist), List.of());
    }
    if (artistIds.isEmpty()) {
      p.warn("xartist: no artist named '" + artist + "' is known here");
      return false;
    }
    List<Long> own =
        search
            .tracks(TrackQuery.builder().artistIds(artistIds).page(0, TrackQuery.MAX_LIMIT).build())
            .ids();
    AudioFeatures mean =
        meanFeatures(store.findTracks(own.subList(0, Math.min(own.size(), FEATURE_SAMPLE))));
    if (mean == null) {
      p.warn("xartist: no audio features are known for '" + artist + "'");
      return false;
    }
    q.similarTo(mean).excludeIds(own);
    return true;
  }

  /** Tracks of an {@code xartist} whose features are averaged. */
  private static final int FEATURE_SAMPLE = 1_000;

  /** The mean of the complete feature sets among the tracks (key and mode rounded); or null. */
  private static AudioFeatures meanFeatures(List<Track> tracks) {
    double[] sum = new double[FeatureVector.DIMENSIONS];
    int n = 0;
    for (Track t : tracks) {
      AudioFeatures f = t.features();
      if (FeatureVector.of(f) == null) {
        continue;
      }
      double[] v = {
        f.acousticness(),
        f.danceability(),
        f.energy(),
        f.instrumentalness(),
        f.key(),
        f.liveness(),
        f.loudness(),
        f.mode(),
        f.speechiness(),
        f.tempo(),
        f.valence()
      };
      for (int i = 0; i < v.length; i++) {
        sum[i] += v[i];
      }
      n++;
    }
    if (n == 0) {
      return null;
    }
    double[] m = new double[sum.length];
    for (int i = 0; i < sum.length; i++) {
      m[i] = sum[i] / n;
    }
    return AudioFeatures.builder()
        .acousticness(m[0])
        .danceability(m[1])
        .energy(m[2])
        .instrumentalness(m[3])
        .key((int) Math.round(m[4]))
        .liveness(m[5])
        .loudness(m[6])
        .mode((int) Math.round(m[7]))
        .speechiness(m[8])
        .tempo(m[9])
        .valence(m[10])
        .build();
  }

  /** Every matching id, keeping the first per group, in result order (bounded scan). */
  private List<Long> grouped(TrackQuery.Builder q, String groupBy) {
    List<Long> ordered = search.tracks(q.page(0, GROUP_SCAN_LIMIT).build()).ids();
    List<Track> tracks = store.findTracks(ordered);
    Set<Object> seen = new HashSet<>();
    List<Long> out = new ArrayList<>();
    for (Track t : tracks) {
      Object key = "artist_id".equals(groupBy) ? t.primaryArtistId() : t.albumId();
      if (key == null || seen.add(key)) {
        out.add(t.id());
      }
    }
    return out;
  }

  /**
   * The rendering parameters {@code imagesize}, {@code audioformat}, {@code audiodlformat}, {@code
   * include}.
   */
  static TrackView.Options options(JamendoParams p) {
    TrackView.Options o = TrackView.options(p);
    Set<String> include = new HashSet<>(p.manyOf("include", INCLUDES));
    return new TrackView.Options(o.imageSize(), o.audioFormat(), o.audioDlFormat(), include);
  }

  private static List<String> orderValues() {
    List<String> fields = new ArrayList<>(PLAIN_ORDERS.keySet());
    fields.addAll(RATINGS.keySet());
    return JamendoOrder.values(fields.toArray(String[]::new));
  }
}

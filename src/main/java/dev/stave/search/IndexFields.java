package dev.stave.search;

/**
 * Names of the fields of the search index and the version of the document layout. Bump {@link
 * #SCHEMA_VERSION} whenever a field is added, removed or indexed differently: an index written with
 * another version is rebuilt at start-up instead of being read with wrong assumptions.
 */
final class IndexFields {
  static final int SCHEMA_VERSION = 6;

  /** Commit user-data keys. */
  static final String COMMIT_SEQ = "stave.change-seq";

  static final String COMMIT_SCHEMA = "stave.schema-version";

  /**
   * Present only in the checkpoint commits of a build still under way: the last record the commit
   * covers, as {@code kind:id} (kinds are built artists, albums, tracks, then {@code merge}). A
   * generation whose latest commit carries it is never served; the next build resumes it.
   */
  static final String COMMIT_BUILD_CHECKPOINT = "stave.build-checkpoint";

  /** {@code track}, {@code album} or {@code artist}: one index holds all three kinds. */
  static final String KIND = "kind";

  /** {@code kind:id}, the unique update key of a document. */
  static final String KEY = "key";

  static final String ID = "id";
  static final String UUID = "uuid";
  static final String SPOTIFY_ID = "spotify_id";
  static final String ISRC = "isrc";

  /** Analysed name for full-text relevance. */
  static final String NAME = "name";

  /** Normalised whole name (lower case, no accents): exact and prefix match, and sorting. */
  static final String NAME_KEY = "name_key";

  /**
   * Kind and normalised name in one term, for autocomplete: the names of one kind under a prefix
   * without walking the other kinds' names (version 6; before, a prefix that many artist names
   * share but no track name did made a track completion visit every one of those artist names).
   */
  static final String COMPLETION_KEY = "completion_key";

  /** Normalised album name and primary-artist name of a track, for sorting by them. */
  static final String ALBUM_NAME_KEY = "album_name_key";

  static final String ARTIST_NAME_KEY = "artist_name_key";

  /** Trigrams of the normalised name, with positions: substring match as a phrase query. */
  static final String NAME_GRAMS = "name_grams";

  static final String ALBUM_ID = "album_id";
  static final String ALBUM_NAME = "album_name";
  static final String ARTIST_ID = "artist_id";
  static final String PRIMARY_ARTIST_ID = "primary_artist_id";
  static final String ARTIST_NAME = "artist_name";

  /** Every tag name, whatever its category; analysed copy in {@link #TAGS_TEXT}. */
  static final String TAG = "tag";

  static final String TAGS_TEXT = "tags_text";

  /** Tags by category: {@code tag_genre}, {@code tag_instrument}, {@code tag_mood}. */
  static String tagOf(String category) {
    return "tag_" + category;
  }

  static final String RELEASE_DATE = "release_date";
  static final String DURATION_MS = "duration_ms";
  static final String VOCAL_INSTRUMENTAL = "vocal_instrumental";
  static final String GENDER = "gender";
  static final String SPEED = "speed";
  static final String ACOUSTIC_ELECTRIC = "acoustic_electric";
  static final String LANG = "lang";
  static final String LICENSE_URL = "license_url";
  static final String CC_NC = "cc_nc";
  static final String CC_ND = "cc_nd";
  static final String CC_SA = "cc_sa";
  static final String FEATURED = "featured";
  static final String CONTENT_ID_FREE = "content_id_free";
  static final String ALBUM_TYPE = "album_type";
  static final String HAS_IMAGE = "has_image";
  static final String DOWNLOAD_ALLOWED = "download_allowed";
  static final String POPULARITY = "popularity";

  /** A track's position on its album. */
  static final String POSITION = "position";

  /** Artists: {@link #YES} when at least one location is declared. */
  static final String HAS_LOCATION = "has_location";

  /** Artists: upper-case ISO 3166-1 alpha-3 country of each location. */
  static final String LOCATION_COUNTRY = "location_country";

  /** Artists: normalised city of each location (lower case, no accents). */
  static final String LOCATION_CITY = "location_city";

  /** Artists: LatLonPoint of each location that has coordinates. */
  static final String LOCATION_POINT = "location_point";

  /**
   * Artists: every location as one binary doc value, so that conditions can be checked against each
   * location as a whole ({@link SameLocationQuery}).
   */
  static final String LOCATIONS = "locations";

  /** FeatureField holding positive static ranking signals blended into relevance. */
  static final String RANK_SIGNALS = "rank_signals";

  /** Normalised audio-feature vector (see {@link FeatureVector}); only on tracks that have one. */
  static final String FEATURE_VECTOR = "feature_vector";

  static final String YES = "1";
  static final String NO = "0";

  private IndexFields() {}
}

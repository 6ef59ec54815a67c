package dev.stave.jamendo.openapi;

import static dev.stave.jamendo.openapi.ParamDoc.bool;
import static dev.stave.jamendo.openapi.ParamDoc.integer;
import static dev.stave.jamendo.openapi.ParamDoc.integers;
import static dev.stave.jamendo.openapi.ParamDoc.manyOf;
import static dev.stave.jamendo.openapi.ParamDoc.oneOf;
import static dev.stave.jamendo.openapi.ParamDoc.text;
import static dev.stave.jamendo.openapi.ParamDoc.texts;

import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.FileMethod;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.feeds.FeedsMethod;
import dev.stave.jamendo.radios.RadiosMethod;
import dev.stave.jamendo.tracks.TrackView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every parameter of the Jamendo read and write methods (spec §5, §8, §9), as the OpenAPI
 * description shows it.
 *
 * <p>A parameter is looked up by method first ({@code albums/file.id}), then by entity ({@code
 * albums.id}, which the entity's sub-methods inherit, as their parameters do, spec §5.1), then by
 * name alone. The same name means different things on different methods ({@code type}, {@code id},
 * {@code imagesize}, {@code order}…), so those are described per entity or method.
 */
public final class JamendoParameterCatalogue {
  private static final List<String> AUDIO_FORMATS = TrackView.AUDIO_FORMATS;
  private static final List<String> COVER = EntityParams.COVER_SIZES;
  private static final String DATES =
      " (yyyy-mm-dd_yyyy-mm-dd, both included; 0000-00-00 leaves a side open)";

  private static final List<String> ALBUM_ORDERS =
      List.of(
          "name",
          "id",
          "releasedate",
          "artist_id",
          "artist_name",
          "popularity_total",
          "popularity_month",
          "popularity_week");
  private static final List<String> ARTIST_ORDERS =
      List.of("name", "id", "joindate", "popularity_total", "popularity_month", "popularity_week");
  private static final List<String> PLAYLIST_ORDERS = List.of("name", "id", "creationdate");
  private static final List<String> TRACK_ORDERS =
      List.of(
          "relevance",
          "buzzrate",
          "downloads_week",
          "downloads_month",
          "downloads_total",
          "listens_week",
          "listens_month",
          "listens_total",
          "popularity_week",
          "popularity_month",
          "popularity_total",
          "name",
          "album_name",
          "artist_name",
          "releasedate",
          "duration",
          "id");
  private static final List<String> COUNTRIES =
      List.of(
          ("AFG ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW ASC AUS AUT AZE BHS BHR BGD BRB BLR BEL"
                  + " BLZ BEN BMU BTN BOL BIH BWA BVT BRA IOT VGB BRN BGR BFA BDI KHM CMR CAN CPV BES"
                  + " CYM CAF TCD CHL CHN CXR CPT CCK COL COM COG COD COK CRI HRV CUB CUW CYP CZE CIV"
                  + " DNK DGA DJI DMA DOM ECU EGY SLV GNQ ERI EST ETH FLK FRO FJI FIN FRA GUF PYF ATF"
                  + " GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD HND HKG"
                  + " HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR XKK KWT KGZ"
                  + " LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MKD MDG MWI MYS MDV MLI MLT MHL MTQ MRT"
                  + " MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD ANT NCL NZL NIC"
                  + " NER NGA NIU NFK PRK MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI"
                  + " QAT ROU RUS RWA REU BLM SHN KNA LCA MAF SPM WSM SMR SAU SEN SRB SYC SLE SGP SXM"
                  + " SVK SVN SLB SOM ZAF SGS KOR SSD ESP LKA VCT SDN SUR SJM SWZ SWE CHE SYR STP TWN"
                  + " TJK TZA THA TLS TGO TKL TON TTO TAA TUN TUR TKM TCA TUV UMI VIR UGA UKR ARE GBR"
                  + " USA URY UZB VUT VAT VEN VNM WLF ESH YEM ZMB ZWE ALA")
              .split(" "));

  private static final ParamDoc TRACK_TYPE =
      manyOf("Album tracks, singles, or both (single albumtrack).", List.of("single", "albumtrack"))
          .withDefault("albumtrack");

  private final Map<String, ParamDoc> entries = new HashMap<>();

  public JamendoParameterCatalogue() {
    common();
    albums();
    artists();
    tracks();
    playlists();
    radios();
    users();
    reviews();
    others();
    setuser();
  }

  /** The description of {@code name} on the method at {@code path}, if the catalogue has one. */
  public Optional<ParamDoc> find(String path, String name) {
    ParamDoc d = entries.get(path + "." + name);
    if (d == null) {
      d = entries.get(entity(path) + "." + name);
    }
    if (d == null) {
      d = entries.get(name);
    }
    return Optional.ofNullable(d);
  }

  private static String entity(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  private void put(String key, ParamDoc doc) {
    if (entries.put(key, doc) != null) {
      throw new IllegalStateException("parameter " + key + " is described twice");
    }
  }

  private void order(String key, List<String> fields, String note) {
    List<String> values = JamendoOrder.values(fields.toArray(String[]::new));
    put(
        key + ".order",
        manyOf(
            "Sort order: a field, field_asc or field_desc (ascending unless _desc), several"
                + " combined, the first most significant. "
                + note,
            values));
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  private void common() {
    put("client_id", text("Your application's client id (required by every method)."));
    put(
        "format",
        oneOf("Output format of the response document.", List.of("json", "jsonpretty", "xml"))
            .withDefault("json"));
    put(
        "callback",
        text("JSONP: wrap the JSON in a call to this JavaScript function (format=json only)."));
    put("offset", integer("Index of the first result to return.").withDefault("0"));
    put(
        "limit",
        text("Number of results: 1 to 200, or 'all' (= 200); larger values are reduced to 200.")
            .withDefault("10"));
    put(
        "fullcount",
        bool("Add headers.results_fullcount, the number of results ignoring offset and limit.")
            .withDefault("false"));
    put("namesearch", text("Substring of the name (case and accents ignored)."));
    put("artist_id", integers("Artist ids."));
    put("artist_name", text("Exact artist name (case-insensitive)."));
    put("album_id", integers("Album ids."));
    put("album_name", text("Exact album name (case-insensitive)."));
    put("album_datebetween", text("Album release date range" + DATES + "."));
    put("track_id", integers("Track ids."));
    put("track_name", text("Exact track name (case-insensitive)."));
    put("track_type", TRACK_TYPE);
    put("imagesize", oneOf("Width in pixels of album and track cover images.", COVER));
    put("album_imagesize", oneOf("Width in pixels of album cover images.", COVER));
    put(
        "audioformat",
        oneOf("Audio format of the stream URLs (audio).", AUDIO_FORMATS).withDefault("mp31"));
    put(
        "audiodlformat",
        oneOf(
            "Audio format of the download URLs (audiodownload); defaults to audioformat when"
                + " given, else mp32.",
            AUDIO_FORMATS));
    put("user_id", integers("Ids of the users whose items to return."));
    put("user_name", text("Name of the user whose items to return."));
    put(
        "access_token",
        text("OAuth2 access token: addresses the data of the user who granted it."));
    put("tag", text("One tag: only entities carrying it, most relevant first unless ordered."));
  }

  /**
   * {@code audioformat} of albums and playlists (the zip's: mp32 only), of their {@code /tracks}
   * (the tracks' streams) and of their {@code /file} (Jamendo prints mp3); the {@code /file} id.
   */
  private void zipAndTrackFormats(String entity) {
    put(
        entity + ".audioformat",
        oneOf("Audio format of the zip; mp32 is the only one.", List.of("mp32"))
            .withDefault("mp32"));
    put(
        entity + "/tracks.audioformat",
        oneOf("Audio format of the tracks' stream URLs.", AUDIO_FORMATS).withDefault("mp31"));
    put(entity + "/file.id", integer("The id (exactly one)."));
    put(
        entity + "/file.audioformat",
        oneOf("Audio format of the zip (Jamendo prints mp3, means mp32).", FileMethod.ZIP_FORMATS)
            .withDefault("mp32"));
  }

  private void albums() {
    put("albums.id", integers("Album ids."));
    put("albums.name", text("Exact album name (case-insensitive)."));
    put("albums.artist_id", integers("Ids of the albums' artists."));
    put("albums.datebetween", text("Album release date range" + DATES + "."));
    put(
        "albums.type",
        manyOf(
            "Singles, albums (every release that is not a single), or both (the default).",
            List.of("single", "album")));
    order("albums", ALBUM_ORDERS, "Popularity orders are always descending.");
    order(
        "albums/tracks",
        plus(ALBUM_ORDERS, "track_id", "track_name", "track_position"),
        "Popularity orders are always descending.");
    zipAndTrackFormats("albums");
  }

  private void artists() {
    put("artists.id", integers("Artist ids."));
    put("artists.name", text("Exact artist name (case-insensitive)."));
    put("artists.datebetween", text("Date range the artists joined in" + DATES + "."));
    put("artists.hasimage", oneOf("Only artists with an image.", List.of("true", "1")));
    put("artists.album_id", integers("Ids of the albums to list."));
    order("artists", ARTIST_ORDERS, "Popularity orders are always descending.");
    order(
        "artists/tracks",
        plus(ARTIST_ORDERS, "track_name", "track_id", "track_releasedate"),
        "Popularity orders are always descending.");
    order(
        "artists/albums",
        plus(ARTIST_ORDERS, "album_name", "album_id", "album_releasedate"),
        "Popularity orders are always descending.");
    put("artists.haslocation", bool("With a declared location (true) or without one (false)."));
    put(
        "artists.location_country",
        manyOf("Countries of the artists' locations (ISO 3166-1 alpha-3).", COUNTRIES));
    put("artists.location_city", text("City of the artists' locations (case-insensitive)."));
    put(
        "artists.location_coords",
        text("Centre of a search around a point: latitude_longitude in decimal degrees."));
    put(
        "artists.location_radius",
        integer("Radius in km around location_coords (ignored without it).").withDefault("1"));
  }

  private void tracks() {
    put("tracks.id", integers("Track ids."));
    put("tracks.name", text("Exact track name (case-insensitive)."));
    put("tracks.type", TRACK_TYPE); // named track_type on the other methods
    put("tracks.datebetween", text("Track release date range" + DATES + "."));
    put(
        "tracks.content_id_free",
        bool("Only tracks free of (true) or registered with (false) Content-ID."));
    put("tracks.featured", oneOf("Only tracks featured by the editors.", List.of("true", "1")));
    put(
        "tracks.tags",
        texts("Tags (genres, instruments, moods); every one must be present (AND)."));
    put(
        "tracks.fuzzytags",
        texts("Tags of which at least one must be present (OR); tracks with more rank first."));
    put(
        "tracks.acousticelectric",
        oneOf("Acoustic or electric tracks.", List.of("acoustic", "electric")));
    put(
        "tracks.vocalinstrumental",
        oneOf("Vocal or instrumental tracks.", List.of("vocal", "instrumental")));
    put("tracks.gender", oneOf("Singer gender of vocal tracks.", List.of("male", "female")));
    put(
        "tracks.speed",
        manyOf("Tempo classes.", List.of("verylow", "low", "medium", "high", "veryhigh")));
    put("tracks.lang", texts("Languages of the lyrics (2-letter codes)."));
    put("tracks.durationbetween", text("Duration range in seconds: FROM_TO, both included."));
    put(
        "tracks.xartist",
        text("Tracks similar to a named artist from outside the catalog (e.g. madonna)."));
    put(
        "tracks.search",
        text("Free text over track, album and artist names and tags; ranked by relevance."));
    put(
        "tracks.prolicensing",
        bool("In a commercial licensing programme (none on this server: true matches nothing)."));
    put(
        "tracks.probackground",
        bool("In a background-music programme (none on this server: true matches nothing)."));
    put("tracks.ccsa", bool("ShareAlike licences only (true) or none of them (false)."));
    put("tracks.ccnd", bool("NoDerivatives licences only (true) or none of them (false)."));
    put("tracks.ccnc", bool("NonCommercial licences only (true) or none of them (false)."));
    put(
        "tracks.include",
        manyOf(
            "Optional members to add to each track.",
            List.of("licenses", "musicinfo", "stats", "lyrics")));
    put(
        "tracks.groupby",
        oneOf(
            "Keep only the first track of each artist or album, in result order.",
            List.of("artist_id", "album_id")));
    put(
        "tracks.boost",
        oneOf(
            "A rating blended into relevance without replacing it (default: a weak"
                + " popularity_month on searches).",
            TRACK_ORDERS.subList(1, 11)));
    order(
        "tracks",
        TRACK_ORDERS,
        "Default relevance; rating orders (buzzrate, downloads_*, listens_*, popularity_*) are"
            + " always descending.");
    put("tracks/similar.id", integer("The track to find similar tracks to (required)."));
    put("tracks/similar.no_artist", integer("An artist id whose tracks to leave out."));
    put("tracks/similar.no_album", integer("An album id whose tracks to leave out."));
    put("tracks/file.id", integer("The track id (exactly one)."));
    put(
        "tracks/file.action",
        oneOf("Redirect to the download URL or to the stream URL.", List.of("download", "stream"))
            .withDefault("download"));
  }

  private void playlists() {
    put("playlists.id", integers("Playlist ids."));
    put("playlists.name", text("Exact playlist name."));
    put("playlists.datebetween", text("Playlist creation date range" + DATES + "."));
    order("playlists", PLAYLIST_ORDERS, "");
    order(
        "playlists/tracks",
        plus(PLAYLIST_ORDERS, "track_id", "track_name", "track_added_date", "track_position"),
        "");
    zipAndTrackFormats("playlists");
    put(
        "playlists/tracks.positionbetween",
        text("Range of track positions in the playlist: FROM_TO, both included."));
  }

  private void radios() {
    put("radios.id", integer("Radio id."));
    put("radios.name", text("Radio name, unique (e.g. rock, bestof, electro)."));
    put(
        "radios.type",
        oneOf("Radio type: www, or pro for commercial-licence accounts.", List.of("www", "pro"))
            .withDefault("www"));
    put(
        "radios.imagesize",
        oneOf("Width in pixels of radio images.", RadiosMethod.IMAGE_SIZES).withDefault("150"));
    order("radios", List.of("id", "name", "dispname"), "");
    put(
        "radios/stream.track_imagesize",
        oneOf("Width in pixels of the playing track's image.", COVER).withDefault("300"));
  }

  private void users() {
    put("users.id", integers("User ids."));
    put("users.name", text("User name."));
    put("users.imagesize", oneOf("Width in pixels of user avatars.", List.of("30", "50", "100")));
    put("users.order", text("Users have no sortable field; any value is a type error."));
    order("users/artists", List.of("updatedate"), "");
    order("users/albums", List.of("updatedate"), "");
    order(
        "users/tracks",
        List.of("updatedate", "rating"),
        "rating sums the relations' weights: review score, favorite 9, like 8.");
    put("users/tracks.id", integer("The user id (one)."));
    put(
        "users/artists.relation",
        manyOf("Relation of the user to the artists.", List.of("fan")).withDefault("fan"));
    put(
        "users/albums.relation",
        manyOf("Relation of the user to the albums.", List.of("myalbums")).withDefault("myalbums"));
    put(
        "users/tracks.relation",
        manyOf(
            "Relations of the user to the tracks (any of them; default all).",
            List.of("like", "favorite", "review")));
  }

  private void reviews() {
    put("reviews.id", integers("Review ids."));
    put("reviews.lang", text("Language of the reviews (2-letter code)."));
    put("reviews.datebetween", text("Date range the reviews were written in" + DATES + "."));
    put("reviews.hasscore", bool("Reviews with a score (true) or without one (false)."));
    put("reviews.artist_id", integer("Artist id of the reviewed albums or tracks."));
    put("reviews/tracks.album_id", integer("Album id of the reviewed tracks."));
    order("reviews", List.of("addeddate", "score", "id"), "");
  }

  private void others() {
    put("feeds.id", integer("Feed id."));
    put(
        "feeds.lang",
        oneOf(
            "Feeds available in this language (every language's text is still returned).",
            FeedsMethod.LANGS));
    put("feeds.target", oneOf("Audience of the feeds.", FeedsMethod.TARGETS).withDefault("all"));
    put(
        "feeds.type",
        manyOf(
            "Feed types; for album, artist, playlist and track, joinid holds the entity id.",
            FeedsMethod.TYPES));
    order("feeds", List.of("id", "date_start", "date_end", "position"), "Default position_asc.");
    put(
        "autocomplete.limit",
        text("Matches per entity: 1 to 200, or 'all' (= 200).").withDefault("10"));
    put(
        "autocomplete.prefix",
        text("Start of the names or tags to complete (2 characters or more)."));
    put(
        "autocomplete.entity",
        manyOf(
            "Which lists to complete (default all four).",
            List.of("artists", "albums", "tracks", "tags")));
    put(
        "autocomplete.matchcount",
        bool("Give each match with its count ({match, count}) instead of a bare string.")
            .withDefault("false"));
  }

  /** The write methods' parameters (spec §9): one target id each, and the user's token. */
  private void setuser() {
    put(
        "setuser.access_token",
        text(
            "OAuth2 access token of the user to change, granted the scope music (or send it as"
                + " an Authorization: Bearer header)."));
    put("setuser.artist_id", integer("The artist (one id)."));
    put("setuser.album_id", integer("The album (one id)."));
    put("setuser.track_id", integer("The track (one id)."));
    put("setuser.fullcount", bool("Accepted, as Jamendo lists it, and ignored: no results."));
  }
}

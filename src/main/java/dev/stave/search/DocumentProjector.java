package dev.stave.search;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.Licence;
import dev.stave.catalog.Location;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackStats;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Turns catalog records into index documents: the whole layout of the index is decided here. */
final class DocumentProjector {
  static final String TRACK = "track";
  static final String ALBUM = "album";
  static final String ARTIST = "artist";

  private DocumentProjector() {}

  static Term key(String kind, long id) {
    return new Term(IndexFields.KEY, kind + ":" + id);
  }

  /**
   * A track document. {@code albumName} may be null (singles, or an album the store does not know);
   * {@code artistNames} maps artist ids to names; artists missing there are indexed by id only.
   */
  static Document track(Track t, String albumName, Map<Long, String> artistNames) {
    Document doc = identity(TRACK, t.id(), t.uuid(), t.externalIds());
    name(doc, TRACK, t.name());
    if (t.externalIds().isrc() != null) {
      doc.add(new StringField(IndexFields.ISRC, t.externalIds().isrc(), Field.Store.NO));
    }
    if (t.albumId() != null) {
      doc.add(new LongField(IndexFields.ALBUM_ID, t.albumId(), Field.Store.NO));
    }
    if (t.position() != null) {
      doc.add(new LongField(IndexFields.POSITION, t.position(), Field.Store.NO));
    }
    if (albumName != null) {
      doc.add(new TextField(IndexFields.ALBUM_NAME, albumName, Field.Store.NO));
      doc.add(
          new KeywordField(IndexFields.ALBUM_NAME_KEY, Names.normalize(albumName), Field.Store.NO));
    }
    artists(doc, t.artistIds(), artistNames);
    for (Tag tag : t.tags()) {
      doc.add(new StringField(IndexFields.TAG, tag.name(), Field.Store.NO));
      doc.add(new StringField(IndexFields.tagOf(tag.category()), tag.name(), Field.Store.NO));
      doc.add(new TextField(IndexFields.TAGS_TEXT, tag.name(), Field.Store.NO));
    }
    releaseDate(doc, t.releaseDate() == null ? null : t.releaseDate().date());
    doc.add(new LongField(IndexFields.DURATION_MS, t.durationMs(), Field.Store.NO));
    musicInfo(doc, t.musicInfo());
    if (t.licenseUrl() != null) {
      doc.add(new StringField(IndexFields.LICENSE_URL, t.licenseUrl(), Field.Store.NO));
    }
    Licence licence = Licence.of(t.licenseUrl());
    flag(doc, IndexFields.CC_NC, licence.nc());
    flag(doc, IndexFields.CC_ND, licence.nd());
    flag(doc, IndexFields.CC_SA, licence.sa());
    flag(doc, IndexFields.FEATURED, t.flags().featured());
    flag(doc, IndexFields.CONTENT_ID_FREE, t.flags().contentIdFree());
    flag(doc, IndexFields.DOWNLOAD_ALLOWED, t.flags().downloadAllowed());
    popularity(doc, t.popularity());
    stats(doc, t.stats());
    features(doc, t.features());
    return doc;
  }

  static Document album(Album a, Map<Long, String> artistNames) {
    Document doc = identity(ALBUM, a.id(), a.uuid(), a.externalIds());
    name(doc, ALBUM, a.name());
    doc.add(new StringField(IndexFields.ALBUM_TYPE, a.albumType(), Field.Store.NO));
    flag(doc, IndexFields.HAS_IMAGE, a.image() != null && !a.image().isBlank());
    artists(doc, a.artistIds(), artistNames);
    releaseDate(doc, a.releaseDate() == null ? null : a.releaseDate().date());
    for (String tag : a.tags()) {
      doc.add(new StringField(IndexFields.TAG, tag.toLowerCase(Locale.ROOT), Field.Store.NO));
    }
    popularity(doc, a.popularity());
    return doc;
  }

  static Document artist(Artist a) {
    Document doc = identity(ARTIST, a.id(), a.uuid(), a.externalIds());
    name(doc, ARTIST, a.name());
    flag(doc, IndexFields.HAS_IMAGE, a.image() != null && !a.image().isBlank());
    releaseDate(doc, a.joinDate());
    popularity(doc, a.popularity());
    locations(doc, a.locations());
    return doc;
  }

  /**
   * Country, city and coordinates of each declared location, each filterable on its own, and all of
   * them together for conditions that one location must meet at once.
   */
  private static void locations(Document doc, List<Location> locations) {
    flag(doc, IndexFields.HAS_LOCATION, !locations.isEmpty());
    if (!locations.isEmpty()) {
      doc.add(SameLocationQuery.field(locations));
    }
    for (Location l : locations) {
      if (l.country() != null && !l.country().isBlank()) {
        doc.add(
            new StringField(
                IndexFields.LOCATION_COUNTRY,
                l.country().strip().toUpperCase(Locale.ROOT),
                Field.Store.NO));
      }
      if (l.city() != null && !l.city().isBlank()) {
        doc.add(
            new StringField(IndexFields.LOCATION_CITY, Names.normalize(l.city()), Field.Store.NO));
      }
      if (LocationFilter.validPoint(l.latitude(), l.longitude())) {
        doc.add(new LatLonPoint(IndexFields.LOCATION_POINT, l.latitude(), l.longitude()));
      }
    }
  }

  /**
   * The term under which autocomplete finds a name of one kind: the kind, a separator below every
   * character a normalised name holds, then the name. So the names of one kind that start with a
   * prefix are one contiguous run of terms (see {@code Completions#names}).
   */
  static String completionKey(String kind, String normalizedName) {
    return kind + '\u0001' + normalizedName;
  }

  private static Document identity(String kind, long id, UUID uuid, ExternalIds ext) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.KIND, kind, Field.Store.NO));
    doc.add(new StringField(IndexFields.KEY, kind + ":" + id, Field.Store.NO));
    doc.add(new LongField(IndexFields.ID, id, Field.Store.NO));
    if (uuid != null) {
      doc.add(new StringField(IndexFields.UUID, uuid.toString(), Field.Store.NO));
    }
    if (ext.spotifyId() != null) {
      doc.add(new StringField(IndexFields.SPOTIFY_ID, ext.spotifyId(), Field.Store.NO));
    }
    return doc;
  }

  private static void name(Document doc, String kind, String name) {
    String normalized = Names.normalize(name);
    doc.add(new TextField(IndexFields.NAME, name, Field.Store.NO));
    doc.add(new KeywordField(IndexFields.NAME_KEY, normalized, Field.Store.NO));
    doc.add(
        new StringField(
            IndexFields.COMPLETION_KEY, completionKey(kind, normalized), Field.Store.NO));
    doc.add(new TextField(IndexFields.NAME_GRAMS, normalized, Field.Store.NO));
  }

  private static void artists(Document doc, List<Long> artistIds, Map<Long, String> artistNames) {
    doc.add(new LongField(IndexFields.PRIMARY_ARTIST_ID, artistIds.get(0), Field.Store.NO));
    String primaryName = artistNames.get(artistIds.get(0));
    if (primaryName != null) {
      doc.add(
          new KeywordField(
              IndexFields.ARTIST_NAME_KEY, Names.normalize(primaryName), Field.Store.NO));
    }
    for (long artistId : artistIds) {
      doc.add(new LongField(IndexFields.ARTIST_ID, artistId, Field.Store.NO));
      String artistName = artistNames.get(artistId);
      if (artistName != null) {
        doc.add(new TextField(IndexFields.ARTIST_NAME, artistName, Field.Store.NO));
      }
    }
  }

  private static void releaseDate(Document doc, LocalDate date) {
    if (date != null) {
      doc.add(new LongField(IndexFields.RELEASE_DATE, date.toEpochDay(), Field.Store.NO));
    }
  }

  private static void musicInfo(Document doc, MusicInfo m) {
    keyword(doc, IndexFields.VOCAL_INSTRUMENTAL, m.vocalInstrumental());
    keyword(doc, IndexFields.GENDER, m.gender());
    keyword(doc, IndexFields.SPEED, m.speed());
    keyword(doc, IndexFields.ACOUSTIC_ELECTRIC, m.acousticElectric());
    keyword(doc, IndexFields.LANG, m.lang());
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      // Queries lower-case their values too: "Vocal" and "vocal" are the same answer.
      doc.add(new StringField(field, value.trim().toLowerCase(Locale.ROOT), Field.Store.NO));
    }
  }

  private static void flag(Document doc, String field, boolean value) {
    doc.add(new StringField(field, value ? IndexFields.YES : IndexFields.NO, Field.Store.NO));
  }

  private static void popularity(Document doc, double popularity) {
    doc.add(new DoubleField(IndexFields.POPULARITY, popularity, Field.Store.NO));
    signal(doc, TrackSort.POPULARITY, popularity);
  }

  private static void stats(Document doc, TrackStats s) {
    counter(doc, TrackSort.LISTENS_WEEK, s.listensWeek());
    counter(doc, TrackSort.LISTENS_MONTH, s.listensMonth());
    counter(doc, TrackSort.LISTENS_TOTAL, s.listensTotal());
    counter(doc, TrackSort.DOWNLOADS_WEEK, s.downloadsWeek());
    counter(doc, TrackSort.DOWNLOADS_MONTH, s.downloadsMonth());
    counter(doc, TrackSort.DOWNLOADS_TOTAL, s.downloadsTotal());
    counter(doc, TrackSort.PLAYLISTED, s.playlisted());
    counter(doc, TrackSort.FAVORITED, s.favorited());
    counter(doc, TrackSort.LIKES, s.likes());
    counter(doc, TrackSort.DISLIKES, s.dislikes());
  }

  private static void counter(Document doc, TrackSort sort, long value) {
    doc.add(new LongField(sort.field(), value, Field.Store.NO));
    if (sort.boostable()) {
      signal(doc, sort, value);
    }
  }

  /**
   * FeatureField needs strictly positive values; +1 keeps zero counters legal and the order
   * unchanged.
   */
  private static void signal(Document doc, TrackSort sort, double value) {
    float v = (float) (Math.max(0, value) + 1);
    doc.add(new FeatureField(IndexFields.RANK_SIGNALS, sort.signal(), v));
  }

  private static void features(Document doc, AudioFeatures f) {
    feature(doc, TrackSort.ACOUSTICNESS, f.acousticness());
    feature(doc, TrackSort.DANCEABILITY, f.danceability());
    feature(doc, TrackSort.ENERGY, f.energy());
    feature(doc, TrackSort.INSTRUMENTALNESS, f.instrumentalness());
    feature(doc, TrackSort.KEY, f.key() == null ? null : f.key().doubleValue());
    feature(doc, TrackSort.LIVENESS, f.liveness());
    feature(doc, TrackSort.LOUDNESS, f.loudness());
    feature(doc, TrackSort.MODE, f.mode() == null ? null : f.mode().doubleValue());
    feature(doc, TrackSort.SPEECHINESS, f.speechiness());
    feature(doc, TrackSort.TEMPO, f.tempo());
    feature(doc, TrackSort.VALENCE, f.valence());
    float[] vector = FeatureVector.of(f);
    if (vector != null) {
      doc.add(
          new KnnFloatVectorField(
              IndexFields.FEATURE_VECTOR, vector, VectorSimilarityFunction.EUCLIDEAN));
    }
  }

  private static void feature(Document doc, TrackSort sort, Double value) {
    if (value != null) {
      doc.add(new DoubleField(sort.field(), value, Field.Store.NO));
    }
  }
}

package dev.stave.ingest.demo;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.MusicInfoRules;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Slugs;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.catalog.TrackStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic catalog of exactly N tracks: the same (N, seed) always yields the same
 * entities, ids and UUIDs. Artists come one after another; each owns several albums and sometimes
 * singles. Ids are dense (1, 2, …) per entity type in generation order.
 *
 * <p>The catalog is cut into {@link BatchSpec batches} of whole artists (about {@code batchTracks}
 * tracks each) that can be generated independently and in any order: {@link #batches()} lays them
 * out by drawing only each artist's {@link ArtistPlan}, and {@link #batch(int)} generates one. A
 * collaborating artist on a track is always an earlier artist, so every batch only refers to
 * artists of its own or earlier batches, and writing the batches in order satisfies foreign keys.
 *
 * <p>Thread-safe after construction: batches share nothing mutable.
 */
public final class DemoGenerator {
  public static final int DEFAULT_BATCH_TRACKS = 5_000;

  static final int ARTIST = 1;
  static final int ALBUM = 2;
  static final int TRACK = 3;
  static final int USER = 4;
  static final int PLAYLIST = 5;

  /** Share of tracks with one or two guest artists besides their own. */
  static final double COLLABORATION_SHARE = 0.07;

  /** Share of tracks flagged featured at random, plus the {@link #HIT_LISTENS}-strong ones. */
  static final double FEATURED_SHARE = 0.003;

  static final long HIT_LISTENS = 200_000;

  /** Chance that a track's first genre is its artist's signature genre. */
  private static final double SIGNATURE_GENRE = 0.7;

  private static final LocalDate LAST_RELEASE = LocalDate.of(2025, 12, 31);
  private static final String[] LABEL_SUFFIXES = {" Records", " Music", " Recordings", " Label"};

  /**
   * One independently generable slice of the catalog.
   *
   * @param index position in {@link #batches()}
   * @param firstArtist index of its first artist (artist id = index + 1)
   * @param artists how many artists it holds
   * @param firstAlbumId id of its first album
   * @param firstTrackId id of its first track
   * @param tracks how many tracks it holds
   */
  public record BatchSpec(
      int index, long firstArtist, int artists, long firstAlbumId, long firstTrackId, int tracks) {
    public long lastTrackId() {
      return firstTrackId + tracks - 1;
    }
  }

  private final long totalTracks;
  private final long seed;
  private final Distributions distributions;
  private final ArtistPlan.Shapes shapes;
  private final FeatureSampler features;
  private final Map<String, TagSampler> tags;
  private final List<BatchSpec> batches;
  private final long totalArtists;
  private final long totalAlbums;
  private final UuidScheme uuids;

  public DemoGenerator(long totalTracks, long seed) {
    this(totalTracks, seed, DEFAULT_BATCH_TRACKS);
  }

  public DemoGenerator(long totalTracks, long seed, int batchTracks) {
    if (totalTracks < 0) {
      throw new IllegalArgumentException("--tracks must be 0 or more, was " + totalTracks);
    }
    if (batchTracks < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.totalTracks = totalTracks;
    this.seed = seed;
    this.distributions = Distributions.bundled();
    this.shapes = ArtistPlan.Shapes.of(distributions);
    this.features = new FeatureSampler(distributions);
    this.tags = TagSampler.all(distributions);
    List<BatchSpec> out = new ArrayList<>();
    long artist = 0;
    long album = 1;
    long track = 1;
    while (track <= totalTracks) {
      long firstArtist = artist;
      long firstAlbum = album;
      long firstTrack = track;
      while (track <= totalTracks && track - firstTrack < batchTracks) {
        ArtistPlan plan =
            ArtistPlan.draw(Seeds.forArtist(seed, artist), shapes)
                .truncate((int) Math.min(Integer.MAX_VALUE, totalTracks - track + 1));
        artist++;
        album += plan.albums();
        track += plan.tracks();
      }
      out.add(
          new BatchSpec(
              out.size(),
              firstArtist,
              (int) (artist - firstArtist),
              firstAlbum,
              firstTrack,
              (int) (track - firstTrack)));
    }
    this.batches = List.copyOf(out);
    this.totalArtists = artist;
    this.totalAlbums = album - 1;
    this.uuids = UuidScheme.ID_ORDERED;
  }

  private DemoGenerator(DemoGenerator other, UuidScheme uuids) {
    this.totalTracks = other.totalTracks;
    this.seed = other.seed;
    this.distributions = other.distributions;
    this.shapes = other.shapes;
    this.features = other.features;
    this.tags = other.tags;
    this.batches = other.batches;
    this.totalArtists = other.totalArtists;
    this.totalAlbums = other.totalAlbums;
    this.uuids = uuids;
  }

  /** The same catalog with the UUIDs of {@code scheme} (to complete a catalog made with it). */
  public DemoGenerator withUuids(UuidScheme scheme) {
    return scheme == uuids ? this : new DemoGenerator(this, scheme);
  }

  public long totalTracks() {
    return totalTracks;
  }

  public long seed() {
    return seed;
  }

  public long totalArtists() {
    return totalArtists;
  }

  public long totalAlbums() {
    return totalAlbums;
  }

  public List<BatchSpec> batches() {
    return batches;
  }

  /** The UUID track {@code id} has in this catalog (to recognise an earlier run's output). */
  public java.util.UUID trackUuid(long id) {
    return uuid(TRACK, id);
  }

  /** The UUID of entity {@code id} of {@code kind} in this catalog, in its scheme. */
  java.util.UUID uuid(int kind, long id) {
    return Uuids.of(uuids, seed, kind, id);
  }

  /** Generates batch {@code index} of {@link #batches()}. */
  public CatalogBatch batch(int index) {
    BatchSpec spec = batches.get(index);
    List<Artist> artists = new ArrayList<>(spec.artists());
    List<Album> albums = new ArrayList<>();
    List<Track> tracks = new ArrayList<>(spec.tracks());
    long albumId = spec.firstAlbumId();
    long trackId = spec.firstTrackId();
    long endTrack = spec.lastTrackId();
    for (long a = spec.firstArtist(); a < spec.firstArtist() + spec.artists(); a++) {
      ArtistOutput out =
          new ArtistOutput(a, albumId, trackId, (int) (endTrack - trackId + 1), artists, albums);
      out.generate(tracks);
      albumId = out.nextAlbumId;
      trackId = out.nextTrackId;
    }
    return new CatalogBatch(artists, albums, tracks);
  }

  /** Generates one artist with everything they released. */
  private final class ArtistOutput {
    private final long index;
    private final long artistId;
    private final SplittableRandom rng;
    private final ArtistPlan plan;
    private final List<Artist> artists;
    private final List<Album> albums;
    long nextAlbumId;
    long nextTrackId;

    ArtistOutput(
        long index,
        long firstAlbumId,
        long firstTrackId,
        int trackLimit,
        List<Artist> artists,
        List<Album> albums) {
      this.index = index;
      this.artistId = index + 1;
      this.rng = Seeds.forArtist(seed, index);
      // Drawn first, exactly as the batch layout drew it.
      this.plan = ArtistPlan.draw(rng, shapes).truncate(trackLimit);
      this.artists = artists;
      this.albums = albums;
      this.nextAlbumId = firstAlbumId;
      this.nextTrackId = firstTrackId;
    }

    void generate(List<Track> tracks) {
      String name = Names.artist(rng);
      Places.Place place = Places.pick(rng);
      // Fame is Pareto-distributed (alpha 1.1): a few artists draw most of the listens.
      double fame = StrictMath.pow(1 - rng.nextDouble(), -1 / 1.1);
      String genre = tags.get(Tag.GENRE).anyTag(rng);
      String gender = rng.nextDouble() < 0.62 ? "male" : "female";
      String lang = rng.nextDouble() < 0.65 ? place.lang() : "en";
      String label =
          rng.nextDouble() < 0.3
              ? Names.word(rng) + LABEL_SUFFIXES[rng.nextInt(LABEL_SUFFIXES.length)]
              : null;
      // Jamendo opened in 2005; later years weigh slightly more as the catalog grew.
      int startYear = 2005 + (int) (20 * StrictMath.pow(rng.nextDouble(), 0.8));
      LocalDate start = LocalDate.ofYearDay(startYear, 1 + rng.nextInt(365));
      String slug = Slugs.slug(name);
      artists.add(
          // The builder's calls keep the order of the random draws (the catalog stays the same).
          Artist.builder()
              .id(artistId)
              .uuid(uuid(ARTIST, artistId))
              .name(name)
              .idstr(slug + "_" + artistId)
              .website(
                  rng.nextDouble() < 0.4
                      ? "https://" + slug.replace('_', '-') + ".example.com"
                      : null)
              .joinDate(start.minusDays(rng.nextInt(180)))
              .externalIds(ExternalIds.NONE)
              .popularity(popularity(fame * 400))
              .locations(List.of(Places.locate(place, rng)))
              .descriptions(
                  rng.nextDouble() < 0.5
                      ? Map.of("en", name + " makes " + genre + " music in " + place.city() + ".")
                      : Map.of())
              .build());

      LocalDate date = start;
      for (int size : plan.albumSizes()) {
        long albumId = nextAlbumId++;
        date = min(date.plusDays(rng.nextInt(540)), LAST_RELEASE);
        ReleaseDate release = new ReleaseDate(date, ReleaseDate.Precision.DAY);
        double albumFactor = StrictMath.exp(Gaussians.next(rng) * 0.5);
        long albumListens = 0;
        for (int pos = 1; pos <= size; pos++) {
          Track t = track(albumId, pos, release, fame * albumFactor, genre, gender, lang);
          albumListens += t.stats().listensTotal();
          tracks.add(t);
        }
        albums.add(
            Album.builder()
                .id(albumId)
                .uuid(uuid(ALBUM, albumId))
                .name(Names.title(rng))
                .artistIds(List.of(artistId))
                .releaseDate(release)
                .label(label)
                .upc(rng.nextDouble() < 0.4 ? upc(albumId) : null)
                .zipAllowed(rng.nextDouble() < 0.95)
                .externalIds(ExternalIds.NONE)
                .popularity(popularity(albumListens / (double) size))
                .descriptions(Map.of())
                .tags(List.of(genre))
                .build());
      }
      for (int i = 0; i < plan.singles(); i++) {
        date = min(date.plusDays(rng.nextInt(200)), LAST_RELEASE);
        tracks.add(
            track(
                null,
                null,
                new ReleaseDate(date, ReleaseDate.Precision.DAY),
                fame,
                genre,
                gender,
                lang));
      }
    }

    private Track track(
        Long albumId,
        Integer position,
        ReleaseDate release,
        double fame,
        String genre,
        String gender,
        String lang) {
      long id = nextTrackId++;
      AudioFeatures f = features.next(rng);
      boolean instrumental = "instrumental".equals(MusicInfoRules.vocalInstrumental(f));
      MusicInfo info =
          new MusicInfo(
              MusicInfoRules.vocalInstrumental(f),
              instrumental ? null : lang,
              instrumental ? null : gender,
              MusicInfoRules.acousticElectric(f),
              MusicInfoRules.speed(f.tempo()));
      List<Tag> trackTags = new ArrayList<>(6);
      tags.get(Tag.GENRE)
          .addTags(rng, rng.nextDouble() < SIGNATURE_GENRE ? genre : null, trackTags);
      tags.get(Tag.INSTRUMENT).addTags(rng, null, trackTags);
      tags.get(Tag.MOOD).addTags(rng, null, trackTags);
      long listens = (long) (fame * 40 * StrictMath.exp(Gaussians.next(rng)));
      TrackStats stats = stats(listens);
      boolean featured =
          rng.nextDouble() < FEATURED_SHARE || (listens >= HIT_LISTENS && rng.nextDouble() < 0.3);
      long seconds = Math.round(distributions.durationSeconds().at(rng.nextDouble()));
      // One builder per track: nothing next to the rest of a track's making (see Track).
      return Track.builder()
          .id(id)
          .uuid(uuid(TRACK, id))
          .name(Names.title(rng))
          .albumId(albumId)
          .position(position)
          .disc(albumId == null ? null : 1)
          .durationMs(Math.max(1, seconds) * 1000 + rng.nextInt(1000))
          .releaseDate(release)
          .licenseUrl(Licenses.pick(rng))
          .musicInfo(info)
          .externalIds(ExternalIds.NONE)
          .popularity(popularity((double) listens))
          .flags(
              new TrackFlags(
                  rng.nextDouble() < 0.95,
                  rng.nextDouble() < 0.3,
                  featured,
                  !instrumental && rng.nextDouble() < 0.03))
          .stats(stats)
          .features(f)
          .artistIds(artistsOf())
          .tags(trackTags)
          .build();
    }

    /** The artist, and for a few tracks one or two guests from earlier artists. */
    private List<Long> artistsOf() {
      if (index == 0 || rng.nextDouble() >= COLLABORATION_SHARE) {
        return List.of(artistId);
      }
      long guest = 1 + rng.nextLong(index);
      if (rng.nextInt(4) != 0 || index < 2) {
        return List.of(artistId, guest);
      }
      long second = 1 + rng.nextLong(index);
      return second == guest ? List.of(artistId, guest) : List.of(artistId, guest, second);
    }

    private TrackStats stats(long listens) {
      double monthShare = 0.02 + 0.1 * rng.nextDouble();
      long month = Math.round(listens * monthShare);
      long week = Math.round(month * (0.15 + 0.15 * rng.nextDouble()));
      long downloads = Math.round(listens * (0.03 + 0.1 * rng.nextDouble()));
      long likes = Math.round(listens * 0.004 * rng.nextDouble());
      long notes = Math.round(listens * 0.0005 * rng.nextDouble());
      return new TrackStats(
          week,
          month,
          listens,
          Math.round(downloads * monthShare * 0.25),
          Math.round(downloads * monthShare),
          downloads,
          Math.round(listens * 0.01 * rng.nextDouble()),
          Math.round(listens * 0.005 * rng.nextDouble()),
          likes,
          Math.round(likes * 0.08 * rng.nextDouble()),
          notes == 0 ? null : Math.round((2.5 + 2.5 * Math.sqrt(rng.nextDouble())) * 10) / 10.0,
          notes);
    }
  }

  /** 0–100 on a log scale of listens: 10 million listens and more is 100. */
  static double popularity(double listens) {
    double p = 100 * StrictMath.log10(1 + Math.max(0, listens)) / 7;
    return Math.min(100, Math.round(p * 10) / 10.0);
  }

  /** A 12-digit UPC-A made from the album id, with a valid check digit. */
  static String upc(long albumId) {
    String body = String.format(java.util.Locale.ROOT, "%011d", 60_000_000_000L + albumId);
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      int d = body.charAt(i) - '0';
      sum += i % 2 == 0 ? 3 * d : d;
    }
    return body + (10 - sum % 10) % 10;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? b : a;
  }
}

package dev.stave.ingest.demo;

import dev.stave.library.Playlist;
import dev.stave.library.Relation;
import dev.stave.library.Review;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The listeners of a {@link DemoGenerator demo catalog}: users who are fans of artists, keep
 * albums, favorite, like and dislike tracks, make playlists and write album and track reviews.
 * Deterministic like the catalog: user {@code i} draws from its own stream seeded by (seed, i), so
 * any range of users can be generated alone and always comes out the same.
 *
 * <p>There is one user per 40 tracks (at least 10, at most 20,000). How active a user is follows a
 * Pareto law (most do little, a few a lot), and what they pick is skewed: a small share of the
 * artists, albums and tracks draws most of the attention, as on a real site.
 */
public final class DemoLibrary {
  /** Users generated and written together. */
  public static final int CHUNK = 1_000;

  private static final long SALT = 0x11B_4A4_7L;
  private static final LocalDate FIRST_SIGNUP = LocalDate.of(2008, 1, 1);
  private static final LocalDateTime LAST_ACTIVITY = LocalDateTime.of(2025, 12, 31, 23, 59, 59);
  private static final String[] LANGS = {
    "en", "en", "en", "fr", "fr", "es", "de", "it", "pt", "pl"
  };
  private static final String[] TITLES = {
    "Love it", "Great work", "On repeat", "Beautiful", "Not my thing", "Solid", "Wow", "Nice vibes"
  };
  private static final String[] TEXTS = {
    "I keep coming back to this one.",
    "Great production and a voice that stays with you.",
    "Perfect for a late drive.",
    "Some good ideas, but it goes on a bit long.",
    "Discovered it by chance and it made my week.",
    "The second half is where it really shines."
  };

  /** What a range of users brings: themselves, their playlists, reviews and relations. */
  public record Output(
      List<User> users,
      List<Playlist> playlists,
      List<Review> reviews,
      List<UserRelation> relations) {}

  private final DemoGenerator catalog;
  private final long seed;
  private final long tracks;
  private final long albums;
  private final long artists;
  private final int users;

  public DemoLibrary(DemoGenerator catalog) {
    this.catalog = catalog;
    this.seed = catalog.seed();
    this.tracks = catalog.totalTracks();
    this.albums = catalog.totalAlbums();
    this.artists = catalog.totalArtists();
    this.users = userCount(tracks);
  }

  /** Users of a catalog of {@code tracks} tracks: none for an empty one. */
  static int userCount(long tracks) {
    return tracks == 0 ? 0 : (int) Math.min(20_000, Math.max(10, tracks / 40));
  }

  public int users() {
    return users;
  }

  /** Generates users {@code from} (inclusive) to {@code to} (exclusive); user ids are index + 1. */
  public Output generate(int from, int to) {
    Output out =
        new Output(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = from; i < Math.min(to, users); i++) {
      user(i, out);
    }
    return out;
  }

  private void user(int index, Output out) {
    long id = index + 1L;
    SplittableRandom rng = Seeds.forArtist(seed ^ SALT, index);
    String word = Names.word(rng).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = (word.isEmpty() ? "listener" : word) + "_" + id;
    LocalDate signup = FIRST_SIGNUP.plusDays(rng.nextInt(17 * 365));
    String lang = LANGS[rng.nextInt(LANGS.length)];
    out.users()
        .add(
            User.builder()
                .id(id)
                .uuid(catalog.uuid(DemoGenerator.USER, id))
                .name(name)
                .dispname(
                    Character.toUpperCase(name.charAt(0))
                        + word.substring(Math.min(1, word.length())))
                .lang(lang)
                .creationDate(signup)
                .build());
    // Pareto activity (alpha 1.5), capped: most users do a little, a few do a lot.
    double activity = Math.min(25, StrictMath.pow(1 - rng.nextDouble(), -1 / 1.5));
    LocalDateTime since = signup.atStartOfDay();
    relations(rng, id, Relation.FAN, artists, (int) (activity * rng.nextInt(4)), since, out);
    relations(rng, id, Relation.MYALBUM, albums, (int) (activity * rng.nextInt(3)), since, out);
    relations(rng, id, Relation.FAVORITE, tracks, (int) (activity * rng.nextInt(5)), since, out);
    Set<Long> liked =
        relations(rng, id, Relation.LIKE, tracks, (int) (activity * rng.nextInt(8)), since, out);
    int dislikes = rng.nextDouble() < 0.3 ? 1 + rng.nextInt(3) : 0;
    for (long track : pick(rng, tracks, dislikes)) {
      if (!liked.contains(track)) {
        out.relations().add(new UserRelation(id, Relation.DISLIKE, track, when(rng, since)));
      }
    }
    int playlists = rng.nextDouble() < 0.4 ? 1 + rng.nextInt(3) : 0;
    for (int k = 0; k < playlists; k++) {
      LocalDateTime created = when(rng, since);
      List<Long> entries = new ArrayList<>(pick(rng, tracks, 5 + rng.nextInt(26)));
      List<LocalDate> added = new ArrayList<>();
      for (int e = 0; e < entries.size(); e++) {
        added.add(when(rng, created).toLocalDate());
      }
      added.sort(null); // tracks are appended over time
      out.playlists()
          .add(
              new Playlist(
                  id * 10 + k,
                  catalog.uuid(DemoGenerator.PLAYLIST, id * 10 + k),
                  Names.title(rng),
                  id,
                  created.toLocalDate(),
                  rng.nextDouble() < 0.9,
                  entries,
                  added));
    }
    int reviews = rng.nextDouble() < 0.3 ? 1 + (int) Math.min(5, activity) : 0;
    for (int k = 0; k < reviews; k++) {
      boolean album = rng.nextBoolean() && albums > 0;
      long target = pick(rng, album ? albums : tracks, 1).iterator().next();
      // mostly enthusiastic: 5, 4.5, 4 … in half steps, rarely below 2.5
      double score = 5 - 0.5 * Math.min(8, (int) (-Math.log(1 - rng.nextDouble()) * 1.5));
      out.reviews()
          .add(
              new Review(
                  id * 10 + k,
                  album ? "album" : "track",
                  target,
                  id,
                  TITLES[rng.nextInt(TITLES.length)],
                  TEXTS[rng.nextInt(TEXTS.length)],
                  rng.nextDouble() < 0.9 ? score : null,
                  lang,
                  when(rng, since).toLocalDate(),
                  (long) (activity * rng.nextInt(4))));
    }
  }

  private Set<Long> relations(
      SplittableRandom rng,
      long user,
      Relation relation,
      long population,
      int n,
      LocalDateTime since,
      Output out) {
    Set<Long> targets = pick(rng, population, n);
    for (long t : targets) {
      out.relations().add(new UserRelation(user, relation, t, when(rng, since)));
    }
    return targets;
  }

  /**
   * Up to {@code n} distinct ids in 1…{@code population}, skewed: ranks are drawn with a cube of a
   * uniform draw (the top 10 % of ranks get about 46 % of the picks) and scattered over the ids by
   * a fixed permutation, so the favourites are not simply the first ids.
   */
  private Set<Long> pick(SplittableRandom rng, long population, int n) {
    Set<Long> out = new LinkedHashSet<>();
    if (population <= 0) {
      return out;
    }
    int wanted = (int) Math.min(n, population);
    long step = coprimeStep(population);
    for (int tries = 0; out.size() < wanted && tries < wanted * 4; tries++) {
      double u = rng.nextDouble();
      long rank = Math.min(population - 1, (long) (population * u * u * u));
      out.add(1 + Math.floorMod(rank * step + seed, population));
    }
    return out;
  }

  /** A multiplier coprime with {@code n}, so that {@code rank * step mod n} is a permutation. */
  private static long coprimeStep(long n) {
    long step = 0x9E3779B1L % n;
    while (step < 1 || gcd(step, n) != 1) {
      step = step + 1 >= n ? 1 : step + 1;
    }
    return step;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** A moment between {@code since} and the end of the demo's time line. */
  private static LocalDateTime when(SplittableRandom rng, LocalDateTime since) {
    long span = java.time.Duration.between(since, LAST_ACTIVITY).getSeconds();
    return since.plusSeconds(span <= 0 ? 0 : rng.nextLong(span));
  }
}

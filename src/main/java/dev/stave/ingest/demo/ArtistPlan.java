package dev.stave.ingest.demo;

import java.util.random.RandomGenerator;

/**
 * How many albums, album tracks and singles one artist has: the first draws from the artist's
 * random stream, so a resumed run can lay out the whole catalog (ids, batch boundaries) by drawing
 * only these few numbers per artist.
 *
 * @param albumSizes tracks on each album, in release order
 * @param singles tracks released without an album (Jamendo singles)
 */
// The array is never mutated after draw() and plans are never compared.
@SuppressWarnings("ArrayRecordComponent")
record ArtistPlan(int[] albumSizes, int singles) {
  /** Share of artists who, besides albums, release singles; they release 1–3 of them. */
  static final double SINGLES_SHARE = 0.3;

  static ArtistPlan draw(RandomGenerator rng, Shapes shapes) {
    int albums = shapes.albumsPerArtist().nextIndex(rng) + 1;
    int[] sizes = new int[albums];
    for (int i = 0; i < albums; i++) {
      sizes[i] = shapes.tracksPerAlbum().nextIndex(rng) + 1;
    }
    int singles = rng.nextDouble() < SINGLES_SHARE ? 1 + rng.nextInt(3) : 0;
    return new ArtistPlan(sizes, singles);
  }

  int tracks() {
    int n = singles;
    for (int s : albumSizes) {
      n += s;
    }
    return n;
  }

  int albums() {
    return albumSizes.length;
  }

  /**
   * The same plan cut to at most {@code limit} tracks (the last artist of a catalog of exactly N
   * tracks): albums keep their order and the cut falls on the last ones, then on the singles.
   */
  ArtistPlan truncate(int limit) {
    if (limit >= tracks()) {
      return this;
    }
    int left = limit;
    int albums = 0;
    int[] sizes = new int[albumSizes.length];
    for (int s : albumSizes) {
      if (left == 0) {
        break;
      }
      sizes[albums++] = Math.min(s, left);
      left -= sizes[albums - 1];
    }
    return new ArtistPlan(java.util.Arrays.copyOf(sizes, albums), left);
  }

  /** The histograms the plan is drawn from, ready for O(1) sampling. */
  record Shapes(WeightedChoice<Integer> albumsPerArtist, WeightedChoice<Integer> tracksPerAlbum) {
    static Shapes of(Distributions d) {
      return new Shapes(choice(d.albumsPerArtist()), choice(d.tracksPerAlbum()));
    }

    private static WeightedChoice<Integer> choice(double[] histogram) {
      java.util.List<Integer> sizes = new java.util.ArrayList<>();
      for (int i = 1; i <= histogram.length; i++) {
        sizes.add(i);
      }
      return new WeightedChoice<>(sizes, histogram.clone());
    }
  }
}

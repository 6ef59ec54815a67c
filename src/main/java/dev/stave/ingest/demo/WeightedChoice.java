package dev.stave.ingest.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws one of a fixed set of items with given weights in O(1) (Walker's alias method): the tag
 * samplers call this a few times per generated track, so a linear scan over 87 genres would show.
 */
final class WeightedChoice<T> {
  private final List<T> items;
  private final double[] probability;
  private final int[] alias;

  WeightedChoice(List<T> items, double[] weights) {
    if (items.size() != weights.length || items.isEmpty()) {
      throw new IllegalArgumentException("items and weights differ in length or are empty");
    }
    this.items = List.copyOf(items);
    int n = weights.length;
    double sum = 0;
    for (double w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("negative weight");
      }
      sum += w;
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      probability[large[--nl]] = 1;
    }
    while (ns > 0) {
      probability[small[--ns]] = 1;
    }
  }

  T next(RandomGenerator rng) {
    return items.get(nextIndex(rng));
  }

  int nextIndex(RandomGenerator rng) {
    int i = rng.nextInt(probability.length);
    return rng.nextDouble() < probability[i] ? i : alias[i];
  }

  List<T> items() {
    return items;
  }
}

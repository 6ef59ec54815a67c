package dev.stave.ingest.demo;

import dev.stave.catalog.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Tags one track in one category the way MTG-Jamendo tracks are tagged: whether it has any tag of
 * the category, how many, and which (weighted by each tag's frequency, without repeats).
 */
final class TagSampler {
  private static final int MAX_ATTEMPTS = 32;

  private final String category;
  private final double trackShare;
  private final WeightedChoice<Integer> count;
  private final WeightedChoice<String> tags;

  TagSampler(String category, Distributions.TagCategory stats) {
    this.category = category;
    this.trackShare = stats.trackShare();
    List<Integer> counts = new ArrayList<>();
    for (int i = 1; i <= stats.tagsPerTrack().length; i++) {
      counts.add(i);
    }
    this.count = new WeightedChoice<>(counts, stats.tagsPerTrack().clone());
    this.tags =
        new WeightedChoice<>(
            List.copyOf(stats.frequency().keySet()),
            stats.frequency().values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  String category() {
    return category;
  }

  /** A tag drawn by frequency alone (an artist's signature genre, for instance). */
  String anyTag(RandomGenerator rng) {
    return tags.next(rng);
  }

  /**
   * Adds this category's tags for one track to {@code out}. {@code preferred}, if not null, is
   * always among them when the track has any (artists stick to their genre).
   */
  void addTags(RandomGenerator rng, String preferred, List<Tag> out) {
    if (rng.nextDouble() >= trackShare) {
      return;
    }
    int n = count.next(rng);
    List<String> chosen = new ArrayList<>(n);
    if (preferred != null) {
      chosen.add(preferred);
    }
    for (int attempt = 0; chosen.size() < n && attempt < MAX_ATTEMPTS; attempt++) {
      String t = tags.next(rng);
      if (!chosen.contains(t)) {
        chosen.add(t);
      }
    }
    // Stored order (by name within a category) so that a catalog read back equals the generated
    // one.
    chosen.sort(null);
    for (String t : chosen) {
      out.add(new Tag(category, t));
    }
  }

  static Map<String, TagSampler> all(Distributions d) {
    Map<String, TagSampler> out = new java.util.LinkedHashMap<>();
    d.tags().forEach((cat, stats) -> out.put(cat, new TagSampler(cat, stats)));
    return out;
  }
}

package dev.stave.ingest.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Creative Commons licences in a Jamendo-like mix: mostly the non-commercial variants, mostly
 * version 3.0 (the version current during Jamendo's growth years), the rest 2.0, 2.5 and 4.0. The
 * weights are a judgement, not a measurement: the shared data carry no licence field.
 */
final class Licenses {
  private static final List<String> URLS =
      List.of(
          "http://creativecommons.org/licenses/by-nc-sa/3.0/",
          "http://creativecommons.org/licenses/by-nc-nd/3.0/",
          "http://creativecommons.org/licenses/by-sa/3.0/",
          "http://creativecommons.org/licenses/by/3.0/",
          "http://creativecommons.org/licenses/by-nc/3.0/",
          "http://creativecommons.org/licenses/by-nd/3.0/",
          "http://creativecommons.org/licenses/by-nc-sa/2.0/",
          "http://creativecommons.org/licenses/by-nc-nd/2.5/",
          "http://creativecommons.org/licenses/by-sa/2.5/",
          "http://creativecommons.org/licenses/by-nc-sa/4.0/",
          "http://creativecommons.org/licenses/by-nc-nd/4.0/",
          "http://creativecommons.org/licenses/by/4.0/",
          "http://creativecommons.org/licenses/by-sa/4.0/");
  private static final double[] WEIGHTS = {28, 22, 8, 6, 8, 3, 4, 4, 2, 6, 4, 3, 2};
  private static final WeightedChoice<String> CHOICE = new WeightedChoice<>(URLS, WEIGHTS);

  private Licenses() {}

  static String pick(RandomGenerator rng) {
    return CHOICE.next(rng);
  }

  static List<String> all() {
    return URLS;
  }
}

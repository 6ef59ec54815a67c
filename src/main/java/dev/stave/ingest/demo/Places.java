package dev.stave.ingest.demo;

import dev.stave.catalog.Location;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where invented artists are based, and what language they sing in. The weights are a judgement of
 * Jamendo's artist mix (strongly European, France first, then the Americas); coordinates are the
 * cities' own, jittered by a few kilometres so that artists of one city do not share one point.
 */
final class Places {
  record Place(String country, String state, String city, double lat, double lon, String lang) {}

  private static final List<Place> PLACES =
      List.of(
          new Place("FRA", "Île-de-France", "Paris", 48.857, 2.352, "fr"),
          new Place("FRA", "Auvergne-Rhône-Alpes", "Lyon", 45.764, 4.836, "fr"),
          new Place("FRA", "Occitanie", "Toulouse", 43.605, 1.444, "fr"),
          new Place("FRA", "Hauts-de-France", "Lille", 50.629, 3.057, "fr"),
          new Place("USA", "California", "Los Angeles", 34.052, -118.244, "en"),
          new Place("USA", "New York", "New York", 40.713, -74.006, "en"),
          new Place("USA", "Tennessee", "Nashville", 36.163, -86.781, "en"),
          new Place("USA", "Texas", "Austin", 30.267, -97.743, "en"),
          new Place("DEU", "Berlin", "Berlin", 52.520, 13.405, "de"),
          new Place("DEU", "Hamburg", "Hamburg", 53.551, 9.994, "de"),
          new Place("ITA", "Lazio", "Rome", 41.903, 12.496, "it"),
          new Place("ITA", "Lombardia", "Milan", 45.464, 9.190, "it"),
          new Place("ESP", "Madrid", "Madrid", 40.417, -3.704, "es"),
          new Place("ESP", "Catalunya", "Barcelona", 41.385, 2.173, "es"),
          new Place("GBR", "England", "London", 51.507, -0.128, "en"),
          new Place("GBR", "England", "Manchester", 53.481, -2.243, "en"),
          new Place("BEL", "Brussels", "Brussels", 50.850, 4.352, "fr"),
          new Place("CAN", "Quebec", "Montreal", 45.502, -73.567, "fr"),
          new Place("CAN", "Ontario", "Toronto", 43.653, -79.383, "en"),
          new Place("BRA", "São Paulo", "São Paulo", -23.551, -46.633, "pt"),
          new Place("ARG", "Buenos Aires", "Buenos Aires", -34.604, -58.382, "es"),
          new Place("POL", "Mazowieckie", "Warsaw", 52.230, 21.012, "pl"),
          new Place("RUS", "Moscow", "Moscow", 55.756, 37.617, "ru"),
          new Place("NLD", "Noord-Holland", "Amsterdam", 52.368, 4.904, "nl"),
          new Place("CHE", "Zürich", "Zürich", 47.377, 8.541, "de"),
          new Place("PRT", "Lisboa", "Lisbon", 38.722, -9.139, "pt"),
          new Place("SWE", "Stockholm", "Stockholm", 59.329, 18.069, "sv"),
          new Place("JPN", "Tokyo", "Tokyo", 35.676, 139.650, "ja"),
          new Place("AUS", "Victoria", "Melbourne", -37.814, 144.963, "en"),
          new Place("MEX", "Ciudad de México", "Mexico City", 19.433, -99.133, "es"));

  private static final double[] WEIGHTS = {
    9, 4, 3, 2, 5, 5, 2, 2, 4, 2, 3, 3, 3, 3, 4, 2, 2, 2, 2, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1
  };

  private static final WeightedChoice<Place> CHOICE = new WeightedChoice<>(PLACES, WEIGHTS);

  private Places() {}

  static Place pick(RandomGenerator rng) {
    return CHOICE.next(rng);
  }

  static Location locate(Place p, RandomGenerator rng) {
    double lat = Math.round((p.lat() + (rng.nextDouble() - 0.5) * 0.1) * 1e4) / 1e4;
    double lon = Math.round((p.lon() + (rng.nextDouble() - 0.5) * 0.1) * 1e4) / 1e4;
    return new Location(p.country(), p.state(), p.city(), lat, lon);
  }
}

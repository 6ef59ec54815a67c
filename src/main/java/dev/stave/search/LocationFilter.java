package dev.stave.search;

import dev.stave.catalog.Location;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.util.SloppyMath;

/**
 * Conditions on one artist location: its country among {@code countries} (ISO 3166-1 alpha-3), its
 * city equal to {@code city} (case, accents and extra spaces ignored) and its coordinates within
 * {@code near}; absent conditions always hold. An artist matches when a single one of its locations
 * meets them all: an artist based in (FRA, Paris) and (DEU, Berlin) is not "in Berlin, France". The
 * search index applies it with {@link SameLocationQuery}; the Jamendo dialect uses {@link #matches}
 * to list the locations that made an artist match.
 */
public record LocationFilter(Set<String> countries, String city, Near near) {
  /** No condition: every location matches. */
  public static final LocationFilter ANY = new LocationFilter(null, null, null);

  public LocationFilter {
    countries =
        countries == null
            ? Set.of()
            : countries.stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    city = city == null || city.isBlank() ? null : city;
  }

  /** Within {@code radiusKm} kilometres (great-circle) of a point given in degrees. */
  public record Near(double latitude, double longitude, double radiusKm) {}

  /** How many distinct conditions are set (0 to 3). */
  int conditions() {
    return (countries.isEmpty() ? 0 : 1) + (city == null ? 0 : 1) + (near == null ? 0 : 1);
  }

  /** Whether this one location meets every condition. */
  public boolean matches(Location l) {
    return matches(l.country(), l.city(), l.latitude(), l.longitude());
  }

  boolean matches(String country, String locationCity, Double latitude, Double longitude) {
    if (!countries.isEmpty()
        && (country == null || !countries.contains(country.strip().toUpperCase(Locale.ROOT)))) {
      return false;
    }
    if (city != null
        && (locationCity == null || !Names.normalize(locationCity).equals(Names.normalize(city)))) {
      return false;
    }
    return near == null
        || validPoint(latitude, longitude)
            && SloppyMath.haversinMeters(near.latitude(), near.longitude(), latitude, longitude)
                <= near.radiusKm() * 1000;
  }

  /** Coordinates the index can hold as a point (others are ignored by distance conditions). */
  static boolean validPoint(Double latitude, Double longitude) {
    return latitude != null
        && longitude != null
        && Math.abs(latitude) <= 90
        && Math.abs(longitude) <= 180;
  }
}

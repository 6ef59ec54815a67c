package dev.stave.catalog;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A release date known to a given precision. {@link #date()} is always a full day (month and day
 * default to the 1st) so that dates sort and filter uniformly; {@link #precision()} says how much
 * of it is real.
 */
public record ReleaseDate(LocalDate date, Precision precision) {

  public enum Precision {
    YEAR,
    MONTH,
    DAY;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Parses {@code yyyy}, {@code yyyy-mm}, {@code yyyy-mm-dd} and ISO date-times (the time is
   * dropped). Returns null for blank input.
   *
   * @throws IllegalArgumentException when the text is not a date
   */
  public static ReleaseDate parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    try {
      if (t.matches("\\d{4}")) {
        return new ReleaseDate(LocalDate.of(Integer.parseInt(t), 1, 1), Precision.YEAR);
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        return new ReleaseDate(LocalDate.parse(t + "-01"), Precision.MONTH);
      }
      if (t.length() >= 10 && t.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
        return new ReleaseDate(LocalDate.parse(t.substring(0, 10)), Precision.DAY);
      }
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a date: " + text, e);
    }
    throw new IllegalArgumentException("not a date: " + text);
  }

  public static ReleaseDate of(String date, String precision) {
    if (date == null) {
      return null;
    }
    return new ReleaseDate(
        LocalDate.parse(date),
        precision == null ? Precision.DAY : Precision.valueOf(precision.toUpperCase(Locale.ROOT)));
  }

  /** The date as its precision allows: {@code 2019}, {@code 2019-05} or {@code 2019-05-17}. */
  public String asText() {
    return switch (precision) {
      case YEAR -> String.format(Locale.ROOT, "%04d", date.getYear());
      case MONTH -> date.toString().substring(0, 7);
      case DAY -> date.toString();
    };
  }
}

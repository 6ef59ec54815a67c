package dev.stave.access.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One app's usage as the usage pages draw it: requests per hour over the last 48 hours and per day
 * over the last 30 days, each split into one series per dialect and method; the answer codes and
 * rate-limit refusals of the 30 days; and the calendar month's requests against the monthly quota.
 *
 * @param hours the start of each of the 48 hours, oldest first (the last is the current hour)
 * @param perHour per series name ({@code jamendo tracks}), the requests of each of {@code hours}
 * @param days the 30 days (UTC), oldest first (the last is today)
 * @param perDay per series name, the requests of each of {@code days}
 * @param refusedPerDay requests refused by a rate limit or quota on each of {@code days}
 * @param statuses requests per answer code over the 30 days ({@code jamendo 0}, {@code jamendo 6},
 *     {@code reccobeats 429}), most frequent first
 * @param monthUsed requests answered this calendar month (UTC), refusals not counted
 * @param monthlyQuota the app's monthly quota in force; 0 when it has none
 */
public record UsageReport(
    List<Instant> hours,
    Map<String, long[]> perHour,
    List<LocalDate> days,
    Map<String, long[]> perDay,
    long[] refusedPerDay,
    Map<String, Long> statuses,
    long monthUsed,
    long monthlyQuota) {

  public UsageReport {
    hours = List.copyOf(hours);
    days = List.copyOf(days);
    perHour = Map.copyOf(perHour);
    perDay = Map.copyOf(perDay);
    statuses = Map.copyOf(statuses);
  }

  /** All requests of the 30 days. */
  public long total() {
    return sum(dayTotals());
  }

  /** The requests of each of the 30 days, all series together. */
  public long[] dayTotals() {
    long[] totals = new long[days.size()];
    for (long[] series : perDay.values()) {
      for (int i = 0; i < totals.length; i++) {
        totals[i] += series[i];
      }
    }
    return totals;
  }

  /** The requests of one series over the 48 hours. */
  public long hoursTotal(String series) {
    return sum(perHour.get(series));
  }

  /** The requests of one series over the 30 days. */
  public long daysTotal(String series) {
    return sum(perDay.get(series));
  }

  private static long sum(long[] values) {
    long n = 0;
    if (values != null) {
      for (long v : values) {
        n += v;
      }
    }
    return n;
  }

  /** All refusals of the 30 days. */
  public long refused() {
    return sum(refusedPerDay);
  }
}

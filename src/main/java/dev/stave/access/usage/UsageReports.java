package dev.stave.access.usage;

import dev.stave.access.limits.AppLimits;
import dev.stave.access.limits.AppLimitsStore;
import dev.stave.access.limits.LimitsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds an app's {@link UsageReport} from the stored counts, for the developer portal and the
 * operator console alike: one read of the app's rows of the last 30 days (a few thousand at most:
 * hours × methods × codes), summed in memory. Counts of this node's last flush interval are not in
 * it yet (see {@link UsageMeter}).
 */
@Component
public class UsageReports {
  static final int HOURS = 48;
  static final int DAYS = 30;
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  private final UsageStore store;
  private final AppLimitsStore limits;
  private final LimitsProperties props;
  private final Clock clock;

  public UsageReports(
      UsageStore store,
      AppLimitsStore limits,
      LimitsProperties props,
      ObjectProvider<Clock> clock) {
    this.store = store;
    this.limits = limits;
    this.props = props;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  public UsageReport report(String clientId) {
    Instant now = clock.instant();
    long currentHour = now.toEpochMilli() / HOUR_MS;
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate firstDay = today.minusDays(DAYS - 1L);
    long firstDayHour = firstDay.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 3600;
    long monthHour =
        YearMonth.from(today).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 3600;
    long fromHour = Math.min(Math.min(firstDayHour, monthHour), currentHour - HOURS + 1);
    List<UsageStore.Row> rows = store.rows(clientId, fromHour, currentHour + 1);

    List<Instant> hours = new ArrayList<>();
    for (int i = 0; i < HOURS; i++) {
      hours.add(Instant.ofEpochMilli((currentHour - HOURS + 1 + i) * HOUR_MS));
    }
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < DAYS; i++) {
      days.add(firstDay.plusDays(i));
    }
    Map<String, long[]> perHour = new TreeMap<>();
    Map<String, long[]> perDay = new TreeMap<>();
    long[] refusedPerDay = new long[DAYS];
    Map<String, Long> statuses = new LinkedHashMap<>();
    long monthUsed = 0;
    for (UsageStore.Row r : rows) {
      String series = r.dialect() + " " + r.method();
      int h = (int) (r.hour() - (currentHour - HOURS + 1));
      if (h >= 0 && h < HOURS) {
        perHour.computeIfAbsent(series, k -> new long[HOURS])[h] += r.requests();
      }
      int d = (int) Math.floorDiv(r.hour() - firstDayHour, 24);
      if (d >= 0 && d < DAYS) {
        perDay.computeIfAbsent(series, k -> new long[DAYS])[d] += r.requests();
        refusedPerDay[d] += r.refused();
        statuses.merge(r.dialect() + " " + r.status(), r.requests(), Long::sum);
      }
      if (r.hour() >= monthHour) {
        monthUsed += r.requests() - r.refused();
      }
    }
    Map<String, Long> byFrequency = new LinkedHashMap<>();
    statuses.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> byFrequency.put(e.getKey(), e.getValue()));
    return new UsageReport(
        hours, perHour, days, perDay, refusedPerDay, byFrequency, monthUsed, quota(clientId));
  }

  private long quota(String clientId) {
    if (!props.enabled()) {
      return 0;
    }
    return limits.find(clientId).orElse(AppLimits.DEFAULTS).orDefaults(props.app()).monthly();
  }
}

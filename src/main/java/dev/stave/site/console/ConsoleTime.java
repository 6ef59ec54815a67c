package dev.stave.site.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times and sizes as the console's templates write them ({@code ${@consoleTime.format(t)}}): UTC to
 * the minute, as the CLI and the logs give them, so an operator can match a line of the audit log
 * to what the console shows.
 */
@Component("consoleTime")
public class ConsoleTime {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public String format(Instant time) {
    return time == null ? "—" : MINUTE.format(time);
  }

  /** A duration in seconds with one decimal: {@code 1.2 s}. */
  public String seconds(java.time.Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** A size in bytes as KB, MB or GB (powers of 1024, one decimal). */
  public String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}

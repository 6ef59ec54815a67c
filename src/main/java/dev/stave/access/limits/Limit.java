package dev.stave.access.limits;

import java.util.Locale;

/**
 * One limit: so many requests per window, for one caller address or for one app.
 *
 * @param requests how many requests the window allows (for the monthly quota: the soft limit)
 * @param hard for the monthly quota, the hard limit; otherwise equal to {@code requests}
 */
public record Limit(Scope scope, Window window, long requests, long hard) {
  /** Who a limit counts. */
  public enum Scope {
    /** One caller IP address (an IPv6 one: its /64 network). */
    CALLER,
    /** One app, whichever addresses its requests come from. */
    APP,
    /** One user account, whichever player or address its requests come from. */
    ACCOUNT
  }

  /** How long a limit counts before it starts again. */
  public enum Window {
    SECOND,
    MINUTE,
    /** A calendar month, UTC. */
    MONTH
  }

  /** A limit of {@code requests} per second or minute: its hard limit is the same. */
  public static Limit rate(Scope scope, Window window, long requests) {
    return new Limit(scope, window, requests, requests);
  }

  /** What the limit is, in words: "the limit of 50 requests per second per IP address". */
  public String describe() {
    String n = String.format(Locale.ROOT, requests == 1 ? "%,d request" : "%,d requests", requests);
    return switch (window) {
      case MONTH ->
          String.format(Locale.ROOT, "this app's monthly quota of %s (hard limit %,d)", n, hard);
      case SECOND, MINUTE -> {
        String per = window == Window.SECOND ? "second" : "minute";
        yield switch (scope) {
          case APP -> "this app's limit of " + n + " per " + per;
          case ACCOUNT -> "this account's limit of " + n + " per " + per;
          case CALLER -> "the limit of " + n + " per " + per + " per IP address";
        };
      }
    };
  }
}

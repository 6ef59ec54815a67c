package dev.stave.site.home;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.CatalogStore;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog at a glance, for the home page: counts of tracks, albums, artists, playlists, hours
 * of music, how much of it is playable here and how many tracks have audio features.
 *
 * <p>Decision: counted in the store (the source of truth) and kept for a minute, refreshed in the
 * background, so no page view waits on a count over a million rows (~0.3 s on SQLite) after the
 * first, which happens when the server is up rather than when the first visitor comes.
 */
@Component
public class CatalogSummary {
  /** What the home page shows. Durations in milliseconds. */
  public record Counts(
      long tracks,
      long albums,
      long artists,
      long playlists,
      long durationMs,
      long playableTracks,
      long playableMs,
      long tracksWithFeatures) {
    public long hours() {
      return Math.round(durationMs / 3_600_000.0);
    }

    public long playableHours() {
      return Math.round(playableMs / 3_600_000.0);
    }
  }

  private final CatalogStore catalog;
  private final AudioFileStore audio;

  /** Null when counts are read on every view (refresh of zero). */
  private final LoadingCache<Boolean, Counts> cache;

  /**
   * @param refresh how long counts are kept before a background refresh ({@code
   *     stave.site.summary-refresh}, a minute by default; zero counts on every view, for tests)
   */
  public CatalogSummary(
      CatalogStore catalog,
      AudioFileStore audio,
      @Value("${stave.site.summary-refresh:1m}") Duration refresh) {
    this.catalog = catalog;
    this.audio = audio;
    this.cache =
        refresh.isZero()
            ? null
            : Caffeine.newBuilder().refreshAfterWrite(refresh).build(k -> count());
  }

  public Counts counts() {
    return cache == null ? count() : cache.get(Boolean.TRUE);
  }

  /**
   * Counts once when a server is up. Not in a command's context (no web server): it closes its
   * database when the command ends, under the counting thread.
   */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp(ApplicationReadyEvent ready) {
    if (ready.getApplicationContext() instanceof WebServerApplicationContext) {
      Thread.ofVirtual().name("catalog-summary").start(this::counts);
    }
  }

  private Counts count() {
    AudioFileStore.Totals playable = audio.totals();
    return new Counts(
        catalog.count("tracks"),
        catalog.count("albums"),
        catalog.count("artists"),
        catalog.count("playlists"),
        catalog.totalDurationMs(),
        playable.tracks(),
        playable.durationMs(),
        catalog.tracksWithFeatures());
  }
}

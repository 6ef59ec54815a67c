package dev.stave.testsupport;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ChangeFollower;
import dev.stave.ingest.demo.DemoCatalog;
import dev.stave.ingest.demo.ProgressListener;
import dev.stave.library.LibraryStore;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Seeds the {@link StaveSiteTest} server with a small demo catalog (with its listeners and
 * playlists) the way {@code serve} seeds a fresh data directory, plus what the explorer pages test
 * ({@link ExplorerFixture}: radios, names with HTML in them, tracks with audio rows), and lets the
 * search index catch up before any test runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SiteDemoCatalog {
  public static final int TRACKS = 400;
  public static final long SEED = 42;

  private final CatalogStore catalog;
  private final LibraryStore library;
  private final List<ChangeFollower> followers;
  private final AudioFileStore audioFiles;
  private final AudioAvailability audio;

  public SiteDemoCatalog(
      CatalogStore catalog,
      LibraryStore library,
      List<ChangeFollower> followers,
      AudioFileStore audioFiles,
      AudioAvailability audio) {
    this.catalog = catalog;
    this.library = library;
    this.followers = followers;
    this.audioFiles = audioFiles;
    this.audio = audio;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    if (catalog.count("tracks") == 0) {
      DemoCatalog.seed(catalog, library, TRACKS, SEED, ProgressListener.NONE);
      ExplorerFixture.write(catalog, audioFiles, audio);
    }
    ChangeFollower.catchUpAll(followers, note -> {});
  }
}

package dev.stave.subsonic.browse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the artist index ({@link ArtistIndex#warm}) in the background once a server is up: a
 * player asks for it first thing after logging in, and on a large catalog building and serialising
 * it takes a noticeable moment (about a second for 66,000 artists on two cores) that the first
 * player should not wait for. Servers only: a command-line run never answers a player.
 */
@Component
@ConditionalOnWebApplication
class ArtistIndexWarmer {
  private static final Logger log = LoggerFactory.getLogger(ArtistIndexWarmer.class);

  private final ArtistIndex index;

  ArtistIndexWarmer(ArtistIndex index) {
    this.index = index;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warm() {
    Thread.ofVirtual()
        .name("subsonic-artist-index")
        .start(
            () -> {
              try {
                long t0 = System.nanoTime();
                index.warm();
                log.debug("Subsonic artist index built in {} ms", (System.nanoTime() - t0) / 1e6);
              } catch (RuntimeException e) {
                // the first request builds it instead, and reports what fails
                log.info("Subsonic artist index not built in the background: {}", e.toString());
              }
            });
  }
}

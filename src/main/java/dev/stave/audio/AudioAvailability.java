package dev.stave.audio;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Whether a track has audio to serve (a present master file), so that the API never hands out a
 * stream or download URL that would answer 404: an imported track whose file is not linked (yet)
 * shows empty audio URLs instead.
 *
 * <p>Asked once per track rendered, so answers are cached briefly. Decision: a few seconds of
 * staleness, not a change-log follower: files are linked by {@code stave scan} / {@code stave
 * import --audio-root}, often in another process, and a track whose file appeared shows its URLs at
 * most {@link #FRESH} later; the scan in this process forgets the cache after every batch.
 */
@Component
public class AudioAvailability {
  static final Duration FRESH = Duration.ofSeconds(5);

  private final LoadingCache<Long, Boolean> present;

  public AudioAvailability(AudioFileStore files) {
    this.present =
        Caffeine.newBuilder()
            .expireAfterWrite(FRESH)
            .maximumSize(200_000)
            .build(id -> files.forTrack(id).isPresent());
  }

  /** Whether the track has a present audio file. */
  public boolean has(long trackId) {
    return present.get(trackId);
  }

  /** Drops every cached answer (files were just linked, moved or marked missing). */
  public void forget() {
    present.invalidateAll();
  }
}

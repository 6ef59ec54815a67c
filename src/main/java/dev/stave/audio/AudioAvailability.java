package dev.stave.audio;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Each track's waveform (the peaks of its present master file) is cached the same way and for
 * the same reason (issue 15: rendering a page needs no store read once its tracks were asked for):
 * waveforms are written by the scan, which forgets both caches.
 */
@Component
public class AudioAvailability {
  static final Duration FRESH = Duration.ofSeconds(5);

  private final LoadingCache<Long, Boolean> present;
  private final LoadingCache<Long, String> waveforms;

  public AudioAvailability(AudioFileStore files) {
    this.waveforms =
        Caffeine.newBuilder()
            .expireAfterWrite(FRESH)
            .maximumSize(200_000)
            .build(
                new CacheLoader<Long, String>() {
                  @Override
                  public String load(Long id) {
                    return files.waveforms(List.of(id)).getOrDefault(id, Waveforms.EMPTY);
                  }

                  @Override
                  public Map<Long, String> loadAll(Set<? extends Long> ids) {
                    Map<Long, String> found = files.waveforms(List.copyOf(ids));
                    Map<Long, String> answers = new HashMap<>();
                    ids.forEach(id -> answers.put(id, found.getOrDefault(id, Waveforms.EMPTY)));
                    return answers;
                  }
                });
    this.present =
        Caffeine.newBuilder()
            .expireAfterWrite(FRESH)
            .maximumSize(200_000)
            .build(
                new CacheLoader<Long, Boolean>() {
                  @Override
                  public Boolean load(Long id) {
                    return files.forTrack(id).isPresent();
                  }

                  @Override
                  public Map<Long, Boolean> loadAll(Set<? extends Long> ids) {
                    Set<Long> withFile = files.withPresentFile(ids);
                    Map<Long, Boolean> answers = new HashMap<>();
                    ids.forEach(id -> answers.put(id, withFile.contains(id)));
                    return answers;
                  }
                });
  }

  /**
   * Answers for a whole page of tracks in one query, so that rendering the page asks the store once
   * instead of once per track.
   */
  public void prefetch(Collection<Long> trackIds) {
    var unused = present.getAll(trackIds); // loaded into the cache, read per track by has()
  }

  /**
   * The waveform JSON of each given track ({@link Waveforms#EMPTY} when it has none), for a whole
   * page at once.
   */
  public Map<Long, String> waveforms(Collection<Long> trackIds) {
    return waveforms.getAll(trackIds);
  }

  /** Whether the track has a present audio file. */
  public boolean has(long trackId) {
    return present.get(trackId);
  }

  /** Drops every cached answer (files were just linked, moved or marked missing). */
  public void forget() {
    present.invalidateAll();
    waveforms.invalidateAll();
  }
}

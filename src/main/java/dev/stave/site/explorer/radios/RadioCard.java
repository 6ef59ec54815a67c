package dev.stave.site.explorer.radios;

import dev.stave.site.Durations;
import dev.stave.site.TrackRow;
import java.util.List;

/**
 * A radio and what it plays now.
 *
 * @param playing the track on air, null when no catalog track matches the radio
 * @param elapsedMs how far into that track the radio is
 */
public record RadioCard(long id, String name, List<String> tags, TrackRow playing, long elapsedMs) {
  public RadioCard {
    tags = List.copyOf(tags);
  }

  /** How long until the next track, as a clock. */
  public String remaining() {
    return playing == null ? "" : Durations.clock(playing.durationMs() - elapsedMs);
  }

  /** How far the track has played, 0…100, for the progress bar. */
  public long percent() {
    return playing == null || playing.durationMs() <= 0
        ? 0
        : Math.min(100, Math.max(0, elapsedMs * 100 / playing.durationMs()));
  }
}

package dev.stave.radio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The endless, deterministic running order of one radio over a fixed pool of tracks, as a pure
 * function of the clock.
 *
 * <p>Time is cut into <em>cycles</em> of the pool's total duration, counted from the Unix epoch. In
 * each cycle every track of the pool plays exactly once, in an order shuffled with a seed made of
 * the radio id and the cycle number; when the first track of a cycle is the last of the previous
 * one, it swaps places with the second, so no track plays twice in a row. Nothing is stored and no
 * state is kept: any process, on any node, before or after a restart, computes the same track for
 * the same instant from the same pool.
 */
public final class Programme {
  /** One track of the pool: its id and how long it plays. */
  public record Entry(long trackId, long durationMs) {
    public Entry {
      if (durationMs <= 0) {
        throw new IllegalArgumentException("track " + trackId + " has no duration");
      }
    }
  }

  /**
   * What plays at an instant: the track, when it started and how long it plays; it ends at {@code
   * startMs + durationMs} (epoch milliseconds).
   */
  public record Slot(long trackId, long startMs, long durationMs) {
    public long endMs() {
      return startMs + durationMs;
    }

    /** Milliseconds from {@code at} until this track ends and the next one starts (≥ 1). */
    public long remainingMs(Instant at) {
      return endMs() - at.toEpochMilli();
    }
  }

  private final long radioId;
  private final List<Entry> pool;
  private final long cycleMs;

  /** {@code pool} in any order: it is sorted by track id, so only its content matters. */
  public Programme(long radioId, List<Entry> pool) {
    this.radioId = radioId;
    List<Entry> sorted = new ArrayList<>(pool);
    sorted.sort(Comparator.comparingLong(Entry::trackId));
    this.pool = List.copyOf(sorted);
    this.cycleMs = sorted.stream().mapToLong(Entry::durationMs).sum();
  }

  public boolean isEmpty() {
    return pool.isEmpty();
  }

  public int size() {
    return pool.size();
  }

  /** The track on air at {@code at} (instants before 1970 are not scheduled). */
  public Slot at(Instant at) {
    if (pool.isEmpty()) {
      throw new IllegalStateException("radio " + radioId + " has no tracks to play");
    }
    long now = at.toEpochMilli();
    if (now < 0) {
      throw new IllegalArgumentException("radios are scheduled from 1970 on, not at " + at);
    }
    long cycle = now / cycleMs;
    long start = cycle * cycleMs;
    for (Entry e : order(cycle)) {
      if (now < start + e.durationMs()) {
        return new Slot(e.trackId(), start, e.durationMs());
      }
      start += e.durationMs();
    }
    throw new IllegalStateException("unreachable: a cycle covers its whole duration");
  }

  /** The running order of one cycle. */
  List<Entry> order(long cycle) {
    List<Entry> order = shuffled(cycle);
    if (order.size() > 2 && cycle > 0) {
      // The last entry is never moved by this swap (size > 2), so the previous cycle's raw
      // shuffle ends where its running order does.
      long previousLast = shuffled(cycle - 1).getLast().trackId();
      if (order.getFirst().trackId() == previousLast) {
        order.set(0, order.set(1, order.getFirst()));
      }
    }
    return order;
  }

  /** Fisher–Yates over the id-sorted pool; two tracks simply alternate. */
  private List<Entry> shuffled(long cycle) {
    List<Entry> order = new ArrayList<>(pool);
    if (order.size() <= 2) {
      return order;
    }
    SplittableRandom random = new SplittableRandom(radioId * 0x9E3779B97F4A7C15L ^ cycle);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      order.set(i, order.set(j, order.get(i)));
    }
    return order;
  }
}

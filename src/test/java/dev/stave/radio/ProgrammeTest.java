package dev.stave.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The running order of a radio as a pure function of its pool and the clock. */
class ProgrammeTest {
  private static final List<Programme.Entry> POOL =
      List.of(
          new Programme.Entry(7, 180_000),
          new Programme.Entry(3, 241_500),
          new Programme.Entry(11, 95_250),
          new Programme.Entry(5, 310_000),
          new Programme.Entry(2, 127_000),
          new Programme.Entry(13, 200_000));
  private static final long CYCLE_MS = POOL.stream().mapToLong(Programme.Entry::durationMs).sum();

  /** Consecutive slots from {@code from} on. */
  private static List<Programme.Slot> walk(Programme p, Instant from, int slots) {
    List<Programme.Slot> out = new ArrayList<>();
    Instant at = from;
    for (int i = 0; i < slots; i++) {
      Programme.Slot s = p.at(at);
      out.add(s);
      at = Instant.ofEpochMilli(s.endMs());
    }
    return out;
  }

  @Test
  void theSamePoolAndInstantGiveTheSameTrackWhateverTheProcess() {
    Instant at = Instant.parse("2026-05-04T03:02:01.123Z");
    List<Programme.Entry> reversed = new ArrayList<>(POOL);
    java.util.Collections.reverse(reversed);
    Programme a = new Programme(4, POOL);
    Programme b = new Programme(4, reversed);
    assertThat(b.at(at)).isEqualTo(a.at(at));
    assertThat(walk(b, at, 40)).isEqualTo(walk(a, at, 40));
  }

  @Test
  void everyTrackPlaysOncePerCycleWithoutGaps() {
    Programme p = new Programme(4, POOL);
    long cycle = 123_456;
    Instant start = Instant.ofEpochMilli(cycle * CYCLE_MS);
    List<Programme.Slot> slots = walk(p, start, POOL.size());
    assertThat(slots.getFirst().startMs()).isEqualTo(start.toEpochMilli());
    assertThat(slots.getLast().endMs()).isEqualTo(start.toEpochMilli() + CYCLE_MS);
    assertThat(slots.stream().map(Programme.Slot::trackId))
        .containsExactlyInAnyOrder(7L, 3L, 11L, 5L, 2L, 13L);
    for (int i = 1; i < slots.size(); i++) {
      assertThat(slots.get(i).startMs()).isEqualTo(slots.get(i - 1).endMs());
    }
    for (Programme.Slot s : slots) {
      Programme.Entry e =
          POOL.stream().filter(x -> x.trackId() == s.trackId()).findFirst().orElseThrow();
      assertThat(s.durationMs()).isEqualTo(e.durationMs());
    }
  }

  @Test
  void cyclesAreReshuffledAndNoTrackPlaysTwiceInARow() {
    Programme p = new Programme(4, POOL);
    List<Programme.Slot> slots = walk(p, Instant.ofEpochMilli(500 * CYCLE_MS), 60 * POOL.size());
    Set<List<Long>> orders = new HashSet<>();
    for (int c = 0; c < 60; c++) {
      orders.add(
          slots.subList(c * POOL.size(), (c + 1) * POOL.size()).stream()
              .map(Programme.Slot::trackId)
              .toList());
    }
    assertThat(orders).as("running orders of 60 cycles").hasSizeGreaterThan(30);
    for (int i = 1; i < slots.size(); i++) {
      assertThat(slots.get(i).trackId()).isNotEqualTo(slots.get(i - 1).trackId());
    }
    Programme two = new Programme(9, POOL.subList(0, 2));
    List<Programme.Slot> alternating = walk(two, Instant.ofEpochMilli(1_000_000_007L), 20);
    for (int i = 1; i < alternating.size(); i++) {
      assertThat(alternating.get(i).trackId()).isNotEqualTo(alternating.get(i - 1).trackId());
    }
  }

  @Test
  void radiosWithTheSamePoolPlayDifferentOrders() {
    Instant at = Instant.ofEpochMilli(77 * CYCLE_MS);
    List<Long> one =
        walk(new Programme(1, POOL), at, 30).stream().map(Programme.Slot::trackId).toList();
    List<Long> two =
        walk(new Programme(2, POOL), at, 30).stream().map(Programme.Slot::trackId).toList();
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void remainingTimeCountsDownToTheEndOfTheTrack() {
    Programme p = new Programme(4, POOL);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    Programme.Slot s = p.at(at);
    long remaining = s.remainingMs(at);
    assertThat(remaining).isPositive().isLessThanOrEqualTo(s.durationMs());
    Instant last = at.plusMillis(remaining - 1);
    assertThat(p.at(last)).isEqualTo(s);
    assertThat(s.remainingMs(last)).isEqualTo(1);
    Programme.Slot next = p.at(at.plusMillis(remaining));
    assertThat(next.startMs()).isEqualTo(s.endMs());
    assertThat(next.remainingMs(at.plusMillis(remaining))).isEqualTo(next.durationMs());
  }

  @Test
  void anEmptyPoolHasNothingOnAirAndTracksNeedADuration() {
    Programme empty = new Programme(4, List.of());
    assertThat(empty.isEmpty()).isTrue();
    assertThatThrownBy(() -> empty.at(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Programme.Entry(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    Programme one = new Programme(4, POOL.subList(0, 1));
    assertThat(one.at(Instant.parse("2030-01-01T00:00:00Z")).trackId()).isEqualTo(7);
  }
}

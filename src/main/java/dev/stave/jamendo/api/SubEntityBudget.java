package dev.stave.jamendo.api;

import java.util.List;

/**
 * The cap on nested items of one response (spec §5.3): entity/subentity methods such as {@code
 * albums/tracks} or {@code users/tracks} return at most 400 sub-entities in total, however many
 * top-level entities they hold. One budget is made per response and every nested list passes
 * through it, so later entities get fewer (or no) items once it is spent.
 */
public final class SubEntityBudget {
  /** Sub-entities across one response (spec §5.3). */
  public static final int MAX = 400;

  private int remaining;

  public SubEntityBudget() {
    this(MAX);
  }

  SubEntityBudget(int max) {
    this.remaining = max;
  }

  /** The leading items of {@code items} that still fit; the budget shrinks by their number. */
  public <T> List<T> take(List<T> items) {
    int n = Math.min(items.size(), remaining);
    remaining -= n;
    return items.subList(0, n);
  }

  /** How many more sub-entities this response may hold (bounds queries for nested items). */
  public int remaining() {
    return remaining;
  }
}

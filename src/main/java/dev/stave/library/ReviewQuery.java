package dev.stave.library;

import java.time.LocalDate;
import java.util.List;

/**
 * A review search over the reviews of one entity type ({@code album} or {@code track}), whose
 * reviewed entity must pass {@code targets}. Null or empty criteria match everything; {@code
 * hasScore} keeps reviews with (true) or without (false) a score; dates are inclusive and may be
 * open (null). Without orders the newest reviews come first.
 */
public record ReviewQuery(
    String entityType,
    List<Long> ids,
    String lang,
    LocalDate from,
    LocalDate to,
    List<Long> userIds,
    Boolean hasScore,
    Targets targets,
    List<Order<Field>> orders,
    long offset,
    int limit) {
  /** What reviews are sorted by; equal keys fall back to the id. */
  public enum Field {
    ID,
    DATE_ADDED,
    SCORE
  }

  public ReviewQuery {
    if (!"album".equals(entityType) && !"track".equals(entityType)) {
      throw new IllegalArgumentException("reviews are of albums or tracks, not " + entityType);
    }
    ids = List.copyOf(ids);
    userIds = List.copyOf(userIds);
    orders = List.copyOf(orders);
    targets = targets == null ? Targets.ALL : targets;
  }

  /** Every review of {@code entityType} by the given users, newest first. */
  public static ReviewQuery byUsers(String entityType, List<Long> userIds, Targets targets) {
    return new ReviewQuery(
        entityType,
        List.of(),
        null,
        null,
        null,
        userIds,
        null,
        targets,
        List.of(),
        0,
        Integer.MAX_VALUE);
  }
}

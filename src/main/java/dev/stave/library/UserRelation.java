package dev.stave.library;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One relation of a user to an artist, album or track, with the time (UTC, to the second) it was
 * established.
 */
public record UserRelation(long userId, Relation relation, long targetId, LocalDateTime updatedAt) {
  public UserRelation {
    if (relation == null || updatedAt == null) {
      throw new IllegalArgumentException("a relation needs a kind and a time");
    }
    updatedAt = updatedAt.truncatedTo(ChronoUnit.SECONDS);
  }
}

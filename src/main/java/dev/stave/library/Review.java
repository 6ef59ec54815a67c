package dev.stave.library;

import java.time.LocalDate;

/**
 * A user's review of an album or a track. {@code entityType} is {@code album} or {@code track};
 * {@code score} may be null for a review without a rating.
 */
public record Review(
    long id,
    String entityType,
    long entityId,
    Long userId,
    String title,
    String text,
    Double score,
    String lang,
    LocalDate dateAdded,
    long agreeCount) {
  public Review {
    if (!"album".equals(entityType) && !"track".equals(entityType)) {
      throw new IllegalArgumentException("review " + id + ": entity type must be album or track");
    }
  }
}

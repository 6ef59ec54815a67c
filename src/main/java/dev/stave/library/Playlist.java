package dev.stave.library;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A user's ordered list of tracks. */
public record Playlist(
    long id,
    UUID uuid,
    String name,
    Long userId,
    LocalDate creationDate,
    boolean zipAllowed,
    List<Long> trackIds) {
  public Playlist {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("playlist " + id + " has no name");
    }
    trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
  }
}

package dev.stave.library;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A user's ordered list of tracks. {@code addedDates} holds, for each entry of {@code trackIds},
 * the day it was added to the playlist (null when unknown); it has the size of {@code trackIds}.
 */
public record Playlist(
    long id,
    UUID uuid,
    String name,
    Long userId,
    LocalDate creationDate,
    boolean zipAllowed,
    List<Long> trackIds,
    List<LocalDate> addedDates) {
  public Playlist {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("playlist " + id + " has no name");
    }
    trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
    List<LocalDate> dates = new ArrayList<>(trackIds.size());
    if (addedDates == null) {
      dates.addAll(Collections.nCopies(trackIds.size(), null));
    } else if (addedDates.size() != trackIds.size()) {
      throw new IllegalArgumentException(
          "playlist "
              + id
              + " has "
              + trackIds.size()
              + " tracks but "
              + addedDates.size()
              + " added dates");
    } else {
      dates.addAll(addedDates);
    }
    addedDates = Collections.unmodifiableList(dates);
  }

  /** A playlist whose entries' added dates are unknown. */
  public Playlist(
      long id,
      UUID uuid,
      String name,
      Long userId,
      LocalDate creationDate,
      boolean zipAllowed,
      List<Long> trackIds) {
    this(id, uuid, name, userId, creationDate, zipAllowed, trackIds, null);
  }
}

package dev.stave.library;

import java.time.LocalDate;
import java.util.List;

/**
 * A playlist search. Null or empty criteria match everything; {@code nameContains} matches a
 * substring of the name ignoring case, accents and repeated spaces (as {@code NameMatch} does);
 * dates are inclusive and may be open (null).
 */
public record PlaylistQuery(
    List<Long> ids,
    String name,
    String nameContains,
    List<Long> userIds,
    String userName,
    LocalDate createdFrom,
    LocalDate createdTo,
    List<Order<Field>> orders,
    long offset,
    int limit) {
  /** What playlists are sorted by; equal keys fall back to the id. */
  public enum Field {
    ID,
    NAME,
    CREATION_DATE
  }

  public PlaylistQuery {
    ids = List.copyOf(ids);
    userIds = List.copyOf(userIds);
    orders = List.copyOf(orders);
  }
}

package dev.stave.library;

import java.time.LocalDate;
import java.util.List;

/**
 * A playlist search. Null or empty criteria match everything; {@code nameContains} matches a
 * substring of the name ignoring case, accents and repeated spaces (as {@code NameMatch} does);
 * dates are inclusive and may be open (null).
 *
 * <p>Decision: ten criteria, most of them unset in any one query, so a query is built by name
 * ({@link #builder()}) rather than with a run of nulls; unset lists are empty and the limit is
 * {@code Integer.MAX_VALUE} (no limit, as {@code LibraryStore} reads it).
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

  /** A query with no criteria, no order, from the first playlist on, without a limit. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlaylistQuery} by naming the criteria it sets; the others match everything. */
  public static final class Builder {
    private List<Long> ids = List.of();
    private String name;
    private String nameContains;
    private List<Long> userIds = List.of();
    private String userName;
    private LocalDate createdFrom;
    private LocalDate createdTo;
    private List<Order<Field>> orders = List.of();
    private long offset;
    private int limit = Integer.MAX_VALUE;

    private Builder() {}

    public Builder ids(List<Long> ids) {
      this.ids = ids;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder nameContains(String nameContains) {
      this.nameContains = nameContains;
      return this;
    }

    public Builder userIds(List<Long> userIds) {
      this.userIds = userIds;
      return this;
    }

    public Builder userName(String userName) {
      this.userName = userName;
      return this;
    }

    public Builder createdFrom(LocalDate createdFrom) {
      this.createdFrom = createdFrom;
      return this;
    }

    public Builder createdTo(LocalDate createdTo) {
      this.createdTo = createdTo;
      return this;
    }

    public Builder orders(List<Order<Field>> orders) {
      this.orders = orders;
      return this;
    }

    public Builder offset(long offset) {
      this.offset = offset;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public PlaylistQuery build() {
      return new PlaylistQuery(
          ids,
          name,
          nameContains,
          userIds,
          userName,
          createdFrom,
          createdTo,
          orders,
          offset,
          limit);
    }
  }
}

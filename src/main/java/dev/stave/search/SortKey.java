package dev.stave.search;

/** One sort key: a field of {@link TrackSort} or {@link EntitySort}, ascending or descending. */
public record SortKey<F extends Enum<F>>(F field, boolean descending) {
  public SortKey {
    if (field == null) {
      throw new IllegalArgumentException("sort: no field");
    }
  }

  public static <F extends Enum<F>> SortKey<F> asc(F field) {
    return new SortKey<>(field, false);
  }

  public static <F extends Enum<F>> SortKey<F> desc(F field) {
    return new SortKey<>(field, true);
  }
}

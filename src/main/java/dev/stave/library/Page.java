package dev.stave.library;

import java.util.List;

/** One page of a library read and the number of matches ignoring paging. */
public record Page<T>(List<T> items, long total) {
  public Page {
    items = List.copyOf(items);
  }
}

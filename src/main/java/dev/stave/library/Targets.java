package dev.stave.library;

import java.util.List;

/**
 * Which catalog entities a library read keeps: relation or review targets restricted by their own
 * ids and, for tracks, by album, by artist (any of the track's artists) and by being a single (no
 * album) or not. Empty lists and a null {@code single} restrict nothing. Targets that are not in
 * the catalog are never returned.
 */
public record Targets(List<Long> ids, List<Long> albumIds, List<Long> artistIds, Boolean single) {
  public static final Targets ALL = new Targets(List.of(), List.of(), List.of(), null);

  public Targets {
    ids = List.copyOf(ids);
    albumIds = List.copyOf(albumIds);
    artistIds = List.copyOf(artistIds);
  }

  public static Targets ids(List<Long> ids) {
    return new Targets(ids, List.of(), List.of(), null);
  }
}

package dev.stave.search;

/**
 * What the live search index is, for an operator: its generation (a rebuild makes a new one), the
 * documents it holds (tracks, albums and artists), its size on disk and how far it has followed the
 * store's change log.
 *
 * @param generation the generation directory's name ({@code gen-3}), or null when none is open
 * @param documents live documents (one per track, album and artist)
 * @param bytesOnDisk the size of the generation's files
 * @param appliedSeq the change-log sequence number the index covers
 * @param latestSeq the store's newest change-log sequence number: {@code latestSeq - appliedSeq}
 *     changes are still to be applied
 */
public record IndexStatus(
    String generation, long documents, long bytesOnDisk, long appliedSeq, long latestSeq) {
  /** Changes written to the store that the index has not applied yet. */
  public long behind() {
    return Math.max(0, latestSeq - appliedSeq);
  }
}

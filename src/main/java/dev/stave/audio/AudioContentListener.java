package dev.stave.audio;

import java.util.Collection;

/**
 * Told by {@link dev.stave.ingest.scan.LibraryScanner}, inside each batch's transaction, which
 * tracks got new or changed audio content (new files, files whose content changed, files matched to
 * an imported track; not moved or duplicated content, nor files only touched). Whatever it writes
 * commits or rolls back with the batch.
 */
public interface AudioContentListener {
  void contentChanged(Collection<Long> trackIds);
}

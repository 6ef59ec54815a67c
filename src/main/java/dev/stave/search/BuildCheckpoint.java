package dev.stave.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * How far a build of a new index generation got: every record of the kinds before {@code phase},
 * and those of {@code phase} up to {@code lastId}, are committed in the generation. Written as a
 * checkpoint commit every so many documents, so that a build interrupted (Ctrl-C, a kill, a crash)
 * after ten minutes of a ten-million-track catalog resumes where it stopped instead of starting
 * again; {@code seq} is the change-log position the build was started at (changes after it are
 * applied by the catch-up that follows every build, resumed or not).
 *
 * <p>The phases run in this order because track documents need every album's and artist's name, and
 * album documents every artist's name; {@link Phase#MERGE} means every document is in and only the
 * final merge to one segment is left.
 */
record BuildCheckpoint(Path generation, long seq, Phase phase, long lastId) {

  /** The parts of a build, in the order they run. */
  enum Phase {
    ARTISTS,
    ALBUMS,
    TRACKS,
    MERGE;

    /** True when this phase is entirely covered by a checkpoint at {@code reached}. */
    boolean doneAt(Phase reached) {
      return compareTo(reached) < 0;
    }
  }

  /** The value stored in the commit's user data. */
  String encode() {
    return phase.name().toLowerCase(java.util.Locale.ROOT) + ":" + lastId;
  }

  /** The id after which the records of {@code p} still have to be indexed. */
  long resumeAfter(Phase p) {
    return p == phase ? lastId : Long.MIN_VALUE;
  }

  /**
   * The checkpoint of an unfinished build in {@code generation}, or null when the generation holds
   * no checkpoint commit of the current schema (a build killed before its first checkpoint, a
   * finished generation, or one of another schema version).
   */
  static BuildCheckpoint read(Path generation) {
    try (Directory dir = FSDirectory.open(generation)) {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
      String at = data.get(IndexFields.COMMIT_BUILD_CHECKPOINT);
      String schema = data.get(IndexFields.COMMIT_SCHEMA);
      String seq = data.get(IndexFields.COMMIT_SEQ);
      if (at == null || seq == null || !String.valueOf(IndexFields.SCHEMA_VERSION).equals(schema)) {
        return null;
      }
      int colon = at.indexOf(':');
      return new BuildCheckpoint(
          generation,
          Long.parseLong(seq),
          Phase.valueOf(at.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
          Long.parseLong(at.substring(colon + 1)));
    } catch (IOException | RuntimeException e) {
      return null; // unreadable or foreign: not resumable, the next build starts afresh
    }
  }
}

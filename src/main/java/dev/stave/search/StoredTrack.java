package dev.stave.search;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.Track;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the track renderers need, as a stored field of the track document: the track, its album
 * (null for a single or an album the store does not know) and its primary artist. Part of the issue
 * 15 item 1 experiment "stored fields in the index instead of a rendered-entity cache", enabled by
 * {@code stave.search.stored-entities=true} (off by default; see docs/performance.md for the
 * comparison and why the cache was kept).
 *
 * <p>JSON through the Jackson already on the class path: the records serialise as they are, and
 * Lucene compresses stored fields (LZ4) anyway. A binary codec would decode faster; the measured
 * decode cost is given beside the figures.
 */
public record StoredTrack(Track track, Album album, Artist artist) {
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  byte[] encode() {
    return JSON.writeValueAsBytes(this);
  }

  static StoredTrack decode(BytesRef bytes) {
    return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, StoredTrack.class);
  }
}

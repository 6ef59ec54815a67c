package dev.stave.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A stable 64-bit fingerprint (FNV-1a) of the values an entity writes. Stored next to each row so
 * that re-importing unchanged data is recognised without comparing every column. Hand-written
 * because it is ten lines and must never change between library versions.
 */
final class ContentHash {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private long hash = OFFSET;

  static long of(Object[] values, Map<String, List<Object[]>> relations) {
    ContentHash h = new ContentHash();
    h.addAll(values);
    relations.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              h.add(e.getKey());
              e.getValue().forEach(h::addAll);
            });
    return h.hash;
  }

  private void addAll(Object[] values) {
    for (Object v : values) {
      add(v);
    }
  }

  private void add(Object value) {
    byte[] bytes =
        value == null ? new byte[] {0} : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      hash = (hash ^ (b & 0xff)) * PRIME;
    }
    hash = (hash ^ 0x1f) * PRIME; // field separator
  }
}

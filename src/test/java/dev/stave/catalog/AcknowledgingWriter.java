package dev.stave.catalog;

import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process {@link KillDurabilityTest} kills: writes batches of tracks to a SQLite store through
 * CatalogStore and prints {@code ACK <last id>} once each write has returned (committed).
 */
public final class AcknowledgingWriter {
  static final int BATCH = 25;

  /** Ends by itself should the test that was to kill it have died first. */
  private static final long MAX_RUN_NANOS = 60_000_000_000L;

  private AcknowledgingWriter() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    try (ConfigurableApplicationContext ctx =
        StaveTestContexts.start(TestDatabases.sqlite(Path.of(args[0])))) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      store.write(new CatalogBatch(List.of(Artist.named(1, "Writer")), List.of(), List.of()));
      long next = 1;
      while (System.nanoTime() - start < MAX_RUN_NANOS) {
        List<Track> tracks = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          tracks.add(CatalogFixtures.track(next++, null, List.of(1L), AudioFeatures.NONE));
        }
        store.write(new CatalogBatch(List.of(), List.of(), tracks));
        System.out.println("ACK " + (next - 1));
        System.out.flush();
      }
    }
  }
}

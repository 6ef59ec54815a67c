package dev.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.ingest.demo.DemoGenerator;
import dev.stave.testsupport.CommandRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class DemoCommandTest {

  @Test
  void secondRunWithSameSizeAndSeedCreatesNothing(@TempDir Path data) {
    Run first = run("demo", "--tracks", "2000", "--data", data.toString());
    assertThat(first.exit).isZero();
    assertThat(first.out).contains("created 2,000 tracks");

    Run second = run("demo", "--tracks", "2000", "--data", data.toString());
    assertThat(second.exit).isZero();
    assertThat(second.out).contains("created 0 tracks, 0 albums, 0 artists; updated 0;");
    assertThat(second.out).contains("2,000 tracks already present");

    // Through the upsert path as well: every entity is recognised as unchanged.
    Run rewrite = run("demo", "--tracks", "2000", "--data", data.toString(), "--rewrite");
    assertThat(rewrite.exit).isZero();
    assertThat(rewrite.out).contains("created 0 tracks, 0 albums, 0 artists; updated 0;");
    assertThat(rewrite.out).contains("Wrote 2,000 tracks");
  }

  @Test
  void interruptedRunIsCompletedToTheSameCatalog(@TempDir Path data) {
    DemoGenerator gen = new DemoGenerator(12_000, 5, 3_000);
    DemoGenerator cliLayout = new DemoGenerator(12_000, 5);
    long prefix;
    try (ConfigurableApplicationContext ctx = context(data)) {
      // An earlier run that stopped after its first batch.
      CatalogBatch firstBatch = cliLayout.batch(0);
      ctx.getBean(CatalogStore.class).write(firstBatch);
      prefix = firstBatch.tracks().size();
    }
    Run resumed = run("demo", "--tracks", "12000", "--seed", "5", "--data", data.toString());
    assertThat(resumed.exit).isZero();
    assertThat(resumed.out)
        .contains("created %,d tracks".formatted(12_000 - prefix))
        .contains("%,d tracks already present".formatted(prefix));

    List<Track> expected = new ArrayList<>();
    for (int b = 0; b < gen.batches().size(); b++) {
      expected.addAll(gen.batch(b).tracks());
    }
    try (ConfigurableApplicationContext ctx = context(data)) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      List<Track> stored = store.findTracks(LongStream.rangeClosed(1, 12_000).boxed().toList());
      assertThat(stored).isEqualTo(expected);
    }
  }

  @Test
  void refusesToMixWithAnotherCatalog(@TempDir Path data) {
    assertThat(run("demo", "--tracks", "100", "--seed", "1", "--data", data.toString()).exit)
        .isZero();
    Run other = run("demo", "--tracks", "100", "--seed", "2", "--data", data.toString());
    assertThat(other.exit).isEqualTo(2);
    assertThat(other.err).contains("not the demo catalog of seed 2");
  }

  @Test
  void helpDescribesTheOptions() {
    Run help = run("demo", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("--tracks=N", "--seed=S", "--data=DIR");
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandRun r = CommandRun.of(args);
    return new Run(r.exit(), r.out(), r.err());
  }

  private static ConfigurableApplicationContext context(Path data) {
    StoreOptions options = new StoreOptions();
    options.dataDir = data;
    return SpringContexts.start(options, false, Map.of());
  }
}

package dev.stave.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.StaveTestContexts;
import dev.stave.testsupport.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A write CatalogStore has acknowledged survives SIGKILL of the writing process: SQLite in WAL mode
 * with synchronous=NORMAL keeps every committed transaction across a process crash (only an OS
 * crash or power loss may lose the last ones).
 */
class KillDurabilityTest {
  private static final int ACKS_BEFORE_KILL = 40;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill(@TempDir Path dir) throws Exception {
    Path stderr = dir.resolve("writer.err");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived JVM: quick start matters more than peak speed.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(),
                dir.resolve("data").toString())
            .redirectError(stderr.toFile())
            .start();
    long lastAck = 0;
    int acks = 0;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acks < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          lastAck = Long.parseLong(line.substring(4));
          acks++;
        }
      }
      // Kill at once, most likely in the middle of the next write's transaction. (Acks printed
      // after this point are not read: the check below covers the ones seen.)
      writer.destroyForcibly();
    } finally {
      writer.destroyForcibly();
    }
    assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(acks)
        .as("acknowledged batches; writer stderr:%n%s", Files.readString(stderr))
        .isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

    try (ConfigurableApplicationContext ctx =
        StaveTestContexts.start(TestDatabases.sqlite(dir.resolve("data")))) {
      CatalogStore store = ctx.getBean(CatalogStore.class);
      List<Long> acknowledged = LongStream.rangeClosed(1, lastAck).boxed().toList();
      assertThat(store.findTracks(acknowledged))
          .extracting(Track::id)
          .containsExactlyElementsOf(acknowledged);
      // The batch in flight is all there or not at all.
      assertThat(store.count("tracks") % AcknowledgingWriter.BATCH).isZero();
      assertThat(store.changesAfter(0, Integer.MAX_VALUE)).hasSize((int) store.count("tracks") + 1);
    }
  }
}

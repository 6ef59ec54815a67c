package dev.stave.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.CrashTally;
import dev.stave.testsupport.StaveProcess;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code stave index rebuild} killed with SIGKILL half way through leaves the previous index in use
 * and intact, and the next rebuild resumes the killed one from its last checkpoint and gives the
 * very index an uninterrupted rebuild gave: same documents, same terms with the same document
 * counts, same points, same change-log sequence. On SQLite and PostgreSQL, with real processes. The
 * kill lands mid-build for certain: the killed run holds at its crash point ({@code
 * --hold-after-documents}) with part of the new generation written and checkpointed ({@code
 * --checkpoint-documents 1000}).
 */
class IndexRebuildSurviveKillTest {
  private static final Pattern INDEXED = Pattern.compile("Indexed ([\\d,]+) documents");
  private static final Pattern HELD = Pattern.compile("at (\\d+) of (\\d+) documents");

  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void aRebuildKilledHalfWayKeepsTheOldIndexAndTheNextOneEqualsAnUninterruptedOne(StoreKind kind)
      throws Exception {
    TestDatabase db = TestDatabases.create(kind, work.resolve("data"));
    try {
      CommandRun demo = run(db, "demo", "--tracks", "5000");
      assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();

      CommandRun reference = run(db, "index", "rebuild");
      assertThat(reference.exit()).as(reference.out() + reference.err()).isZero();
      long documents = indexed(reference);
      Path referenceGen = current(db);
      String expected = fingerprint(referenceGen);

      List<String> args =
          new ArrayList<>(
              List.of(
                  "index",
                  "rebuild",
                  "--hold-after-documents",
                  "2000",
                  "--checkpoint-documents",
                  "1000"));
      args.addAll(db.cliOptions());
      String held;
      try (StaveProcess killed = StaveProcess.start(work, args.toArray(String[]::new))) {
        held = killed.killAtCrashPoint();
        assertThat(killed.output()).doesNotContain("Indexed ");
      }
      Matcher at = HELD.matcher(held);
      assertThat(at.find()).as(held).isTrue();
      assertThat(Long.parseLong(at.group(1))).isBetween(2_000L, documents - 1);
      // The half-built generation is there beside the live one, which is untouched.
      List<Path> afterKill = generations(db);
      Path partial = afterKill.getLast();
      assertThat(afterKill).contains(referenceGen);
      assertThat(partial).isNotEqualTo(referenceGen);
      assertThat(current(db)).isEqualTo(referenceGen);
      assertThat(fingerprint(referenceGen)).isEqualTo(expected);

      CommandRun again = run(db, "index", "rebuild");
      assertThat(again.exit()).as(again.out() + again.err()).isZero();
      assertThat(indexed(again)).isEqualTo(documents);
      // Resumed, not started again: the killed run's generation was completed and swapped in.
      assertThat(current(db)).isEqualTo(partial);
      assertThat(fingerprint(current(db))).isEqualTo(expected);
      CrashTally.report(kind, "index rebuild", 1, documents, "indexed documents");
    } finally {
      TestDatabases.drop(db);
    }
  }

  private static CommandRun run(TestDatabase db, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(db.cliOptions());
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static long indexed(CommandRun run) {
    Matcher m = INDEXED.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static Path current(TestDatabase db) throws IOException {
    Path index = db.dataDir().resolve("index");
    return index.resolve(
        Files.readString(index.resolve("CURRENT"), StandardCharsets.UTF_8).strip());
  }

  private static List<Path> generations(TestDatabase db) throws IOException {
    try (Stream<Path> s = Files.list(db.dataDir().resolve("index"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("gen-"))
          .sorted(
              java.util.Comparator.comparingLong(
                  p -> Long.parseLong(p.getFileName().toString().substring(4))))
          .toList();
    }
  }

  /**
   * What the index answers from, independent of the order the parallel build added documents in
   * (and of the numbers it gave the fields): the live document count, the commit's user data, every
   * field's terms with their document frequencies, and every field's point count and bounds.
   * (Nothing is stored in the documents.)
   */
  private static String fingerprint(Path generation) throws IOException {
    StringBuilder out = new StringBuilder();
    HexFormat hex = HexFormat.of();
    try (Directory dir = FSDirectory.open(generation);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      out.append("docs=").append(reader.numDocs()).append('\n');
      out.append("commit=").append(SegmentInfos.readLatestCommit(dir).getUserData()).append('\n');
      // By name: field numbers follow which document a thread added first, and a resumed build
      // numbers the fields of its first part before the rest.
      List<FieldInfo> fields = new ArrayList<>();
      FieldInfos.getMergedFieldInfos(reader).forEach(fields::add);
      fields.sort(java.util.Comparator.comparing(f -> f.name));
      for (FieldInfo field : fields) {
        Terms terms = MultiTerms.getTerms(reader, field.name);
        if (terms != null) {
          TermsEnum e = terms.iterator();
          for (BytesRef term = e.next(); term != null; term = e.next()) {
            out.append(field.name)
                .append(':')
                .append(hex.formatHex(term.bytes, term.offset, term.offset + term.length))
                .append('=')
                .append(e.docFreq())
                .append('\n');
          }
        }
        if (field.getPointDimensionCount() > 0 && PointValues.size(reader, field.name) > 0) {
          out.append(field.name)
              .append(" points=")
              .append(PointValues.size(reader, field.name))
              .append(" docs=")
              .append(PointValues.getDocCount(reader, field.name))
              .append(" min=")
              .append(hex.formatHex(PointValues.getMinPackedValue(reader, field.name)))
              .append(" max=")
              .append(hex.formatHex(PointValues.getMaxPackedValue(reader, field.name)))
              .append('\n');
        }
      }
    }
    return out.toString();
  }
}

package dev.stave.fuzz;

import static dev.stave.catalog.CatalogFixtures.album;
import static dev.stave.catalog.CatalogFixtures.artist;
import static dev.stave.catalog.CatalogFixtures.features;
import static dev.stave.catalog.CatalogFixtures.track;
import static org.quicktheories.QuickTheory.qt;

import dev.stave.access.Accounts;
import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.UserTokens;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ReleaseDate;
import dev.stave.fuzz.OpenApiOperations.Operation;
import dev.stave.testsupport.RawHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Property-based fuzzing of both dialects (issue 12, item 7), over real HTTP against a running
 * server: every operation of {@code /v3/api-docs/jamendo} and {@code /v3/api-docs/reccobeats} (read
 * and {@code setuser} write methods, the OAuth authorize and grant endpoints), read from the
 * documents at run time, gets generated requests with boundary, wrong-type, unicode, control,
 * oversized, repeated and malformed values in every parameter, header and body ({@link
 * RequestGenerators}); every answer must pass {@link ResponseChecks} within {@link #BOUND_MS}.
 *
 * <p>Runs with a fixed seed, so CI is repeatable. To fuzz longer by hand: {@code ./mvnw test
 * -Dtest=ApiFuzzTest -Dstave.fuzz.examples=2000 -Dstave.fuzz.seed=$RANDOM} (examples per operation;
 * the default keeps the run near a minute). A failing property prints the shrunk request (method,
 * target, headers, body) and the seed.
 *
 * <p>Generation and shrinking are QuickTheories' (Maven Central): jqwik, the first choice, is a
 * test engine built on JUnit Platform 1 (1.10.1, the newest, leaves Platform 6 to a future
 * release), while Spring Boot 4 brings Platform 6; and from 1.10 on it carries a clause against use
 * with AI agents, which write part of this project. QuickTheories needs no engine: it runs inside
 * an ordinary JUnit Jupiter test, next to the Spring context the requests need.
 */
// The context owns files in this class's temporary data directory: close it with the class.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiFuzzTest {
  /** A request must be answered within this time: a hang detector, not a performance bound. */
  static final long BOUND_MS = 10_000;

  static final long SEED = Long.getLong("stave.fuzz.seed", 20261206L);
  static final int EXAMPLES = Integer.getInteger("stave.fuzz.examples", 200);
  static final String REDIRECT = "http://localhost:1410/cb";
  static final String PASSWORD = "a long password";

  private static final AtomicLong REQUESTS = new AtomicLong();
  private static final AtomicLong OPERATIONS = new AtomicLong();

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> dataDir.toString());
    // One app sends every Jamendo request here: lift its per-minute and monthly limits, so that
    // the fuzzing reaches the methods rather than code 6 after the first few thousand requests.
    registry.add("stave.limits.app.per-minute", () -> "0");
    registry.add("stave.limits.app.monthly", () -> "0");
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;
  @Autowired Accounts accounts;
  @Autowired CatalogStore store;

  @TestFactory
  Stream<DynamicTest> everyOperationAnswersEveryRequestInItsDialect() throws Exception {
    ReleaseDate date = ReleaseDate.parse("2020-01-01");
    store.write(
        new CatalogBatch(
            List.of(artist(1, "Ana Artist"), artist(2, "Bruno")),
            List.of(album(10, List.of(1L), date), album(11, List.of(2L), date)),
            List.of(
                track(100, 10L, List.of(1L), features()),
                track(101, 10L, List.of(1L), features()),
                track(102, 11L, List.of(2L), features()))));
    AppRegistry.Issued writer =
        apps.register("Fuzz writer", null, App.Plan.READ_WRITE, List.of(REDIRECT));
    // An app without a redirect URI, as the demo app that every first start creates.
    App plain = apps.create("Fuzz reader");
    accounts.create("fuzzer", "fuzzer@mail.example", PASSWORD);
    String token = UserTokens.accessToken(port, writer, "fuzzer", PASSWORD, REDIRECT);
    RequestGenerators generators =
        new RequestGenerators(
            new RequestGenerators.Known(
                List.of(writer.app().clientId(), plain.clientId()),
                token,
                writer.clientSecret(),
                REDIRECT,
                List.of(
                    "1",
                    "10",
                    "100",
                    "101",
                    "102",
                    "1,100",
                    "00000000-0000-4000-8000-000000000100")));
    List<Operation> operations = new ArrayList<>();
    operations.addAll(OpenApiOperations.fetch(port, "jamendo"));
    operations.addAll(OpenApiOperations.fetch(port, "reccobeats"));
    RawHttp http = new RawHttp(port);
    return operations.stream()
        .map(
            op ->
                DynamicTest.dynamicTest(
                    op.toString(),
                    () -> {
                      OPERATIONS.incrementAndGet();
                      qt().withFixedSeed(SEED)
                          .withExamples(EXAMPLES)
                          .withShrinkCycles(200)
                          .forAll(generators.forOperation(op))
                          .checkAssert(request -> answer(http, op, request));
                    }));
  }

  private static void answer(RawHttp http, Operation op, FuzzRequest request) {
    REQUESTS.incrementAndGet();
    long start = System.nanoTime();
    RawHttp.Response r;
    try {
      r = http.send(request.head(), request.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("no answer: " + e, e);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (ms > BOUND_MS) {
      throw new AssertionError("answered after " + ms + " ms (bound " + BOUND_MS + " ms)");
    }
    ResponseChecks.check(op, request, r);
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "API fuzzing: %,d requests over %d operations (seed %d, %d examples each;"
            + " -Dstave.fuzz.seed / -Dstave.fuzz.examples to change)%n",
        REQUESTS.get(), OPERATIONS.get(), SEED, EXAMPLES);
  }
}

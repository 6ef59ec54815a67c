/**
 * Test support for storage: every storage test runs on SQLite and on a real PostgreSQL.
 *
 * <p>Run a test class on both stores, with Stave's real Spring wiring, by annotating it with {@link
 * dev.stave.testsupport.BothStores}; beans, the {@link dev.stave.testsupport.TestDatabase} and the
 * {@link dev.stave.testsupport.StoreKind} arrive as constructor or method parameters:
 *
 * <pre>{@code
 * @BothStores
 * class SearchIndexTest {
 *   @Test
 *   void findsTracks(CatalogStore store, TestDatabase db) { ... }
 * }
 * }</pre>
 *
 * <p>For anything else, {@link dev.stave.testsupport.TestDatabases#create(StoreKind)} gives an
 * empty store, {@link dev.stave.testsupport.TestDatabase#springProperties()} / {@code springArgs()}
 * / {@code cliOptions()} point Spring or {@code StaveCommand.run(...)} at it, and {@link
 * dev.stave.testsupport.StaveTestContexts#start(TestDatabase, String...)} starts the context.
 *
 * <p>HTTP tests: {@link dev.stave.testsupport.StaveWebTest} starts the real server on a random
 * port, one per configuration, shared by every class with that configuration.
 *
 * <p>PostgreSQL: the server in {@code STAVE_TEST_PG_URL} ({@code STAVE_TEST_PG_USER}, {@code
 * STAVE_TEST_PG_PASSWORD}) if set; otherwise one started once per test JVM from the zonky binaries
 * on the test classpath (unpacked once per user into {@code java.io.tmpdir}), run as {@code nobody}
 * via {@code setpriv}/{@code runuser} when the JVM is root, since PostgreSQL refuses root. Each
 * {@code @BothStores} run gets its own database, dropped afterwards. Without a server the
 * PostgreSQL tests fail with the reason; they never skip.
 */
package dev.stave.testsupport;

package dev.stave.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every test of the annotated class twice: on SQLite, then on PostgreSQL, each time on a new
 * empty store with Stave's real Spring context (no web server) started on it once for the class.
 *
 * <pre>{@code
 * @BothStores
 * class ImporterTest {
 *   private final CatalogStore store;
 *
 *   ImporterTest(CatalogStore store) { this.store = store; } // beans come from the context
 *
 *   @Test
 *   void importsTracks(TestDatabase db, StoreKind kind) { ... } // parameters work too
 * }
 * }</pre>
 *
 * <p>Constructor, test-method and {@code @BeforeAll}/{@code @BeforeEach} parameters are resolved
 * for {@link TestDatabase} (URL, data directory, plain JDBC {@code connect()}), {@link StoreKind},
 * {@code ApplicationContext}, {@code DataSource}, {@code JdbcTemplate}, {@code TransactionTemplate}
 * and any bean whose class is in {@code dev.stave}. The context and the store are shared by the
 * tests of one store's run, so tests must not rely on an empty store unless they own their ids; the
 * store is dropped after the run.
 *
 * <p>The PostgreSQL run never skips: without a server (see {@link TestDatabases}) it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ClassTemplate
@ExtendWith(BothStoresExtension.class)
public @interface BothStores {}

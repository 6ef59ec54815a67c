package dev.stave.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * Stave's real server on a random port, for tests that go through HTTP; test classes with the same
 * configuration share one running server instead of starting one each, which is most of what an
 * HTTP test class costs.
 *
 * <p>Every distinct configuration (this annotation plus whatever else the class adds that Spring
 * counts: {@link #properties()}, {@code @Import}, a nested {@code @TestConfiguration},
 * {@code @DynamicPropertySource}, mocks) is its own context with its own empty data directory
 * ({@link TestDataDirectory}); Spring's test context cache hands the same context to every class
 * with the same configuration. So the plain {@code @StaveWebTest} context is shared by many
 * classes, and its catalog holds what all of them wrote: a test there creates its own app ({@code
 * apps.create("my test")}), its own users, and writes no artists, albums, tracks or playlists. A
 * test that needs a catalog of its own adds {@code @DirtiesContext}: it still gets its own data
 * directory, and the context is closed after the class.
 *
 * <p>Decision: the data directory comes from a context initializer rather than a static
 * {@code @TempDir}, because JUnit deletes a class's {@code @TempDir} when that class ends, while a
 * shared context outlives it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDataDirectory.class)
public @interface StaveWebTest {
  /** Extra settings ({@code name=value}); a class that gives any gets a context of its own. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}

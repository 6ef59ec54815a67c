package dev.stave.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Gives every test context that {@link StaveWebTest} starts a new, empty {@code stave.data-dir},
 * deleted when the context closes. One directory per context, not per test class: contexts are
 * shared between classes with the same configuration (and two contexts never share a directory,
 * whose SQLite file and search index belong to one server).
 */
public final class TestDataDirectory
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Path dir;
    try {
      dir = Files.createTempDirectory("stave-test-context-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource("stave-test-data-dir", Map.of("stave.data-dir", dir.toString())));
    // Registered before any bean of the application, so destroyed after all of them: the store
    // and the search index are closed before their files go.
    if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean(
          "staveTestDataDirectoryCleanup", (DisposableBean) () -> deleteQuietly(dir));
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      // A file still held open: the directory stays in java.io.tmpdir, nothing else depends on it.
    }
  }
}

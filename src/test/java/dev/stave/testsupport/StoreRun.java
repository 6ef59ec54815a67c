package dev.stave.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One store's run of a {@link BothStores} class: creates the store and starts the Spring context on
 * first need, hands out its beans as parameters, and closes and drops both after the run.
 */
final class StoreRun implements ParameterResolver, AfterClassTemplateInvocationCallback {
  private final StoreKind kind;
  private Path dataDir;
  private TestDatabase db;
  private ConfigurableApplicationContext context;

  StoreRun(StoreKind kind) {
    this.kind = kind;
  }

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    Class<?> type = pc.getParameter().getType();
    return type == TestDatabase.class
        || type == StoreKind.class
        || type.isAssignableFrom(ConfigurableApplicationContext.class)
        || type == DataSource.class
        || type == JdbcTemplate.class
        || type == TransactionTemplate.class
        || (type.getPackageName().startsWith("dev.stave")
            && !type.getPackageName().startsWith("dev.stave.testsupport"));
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    Class<?> type = pc.getParameter().getType();
    if (type == TestDatabase.class) {
      return database();
    }
    if (type == StoreKind.class) {
      return kind;
    }
    if (type.isAssignableFrom(ConfigurableApplicationContext.class)) {
      return context();
    }
    return context().getBean(type);
  }

  synchronized TestDatabase database() {
    if (db == null) {
      try {
        dataDir =
            Files.createTempDirectory("stave-test-" + kind.name().toLowerCase(Locale.ROOT) + "-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      db = TestDatabases.create(kind, dataDir);
    }
    return db;
  }

  synchronized ApplicationContext context() {
    if (context == null) {
      context = StaveTestContexts.start(database());
    }
    return context;
  }

  /** After this store's run of the whole class (a plain afterAll is not called for it). */
  @Override
  public synchronized void afterClassTemplateInvocation(ExtensionContext ec) throws IOException {
    try {
      if (context != null) {
        context.close();
      }
      if (db != null) {
        TestDatabases.drop(db);
      }
    } finally {
      if (dataDir != null) {
        try (Stream<Path> paths = Files.walk(dataDir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}

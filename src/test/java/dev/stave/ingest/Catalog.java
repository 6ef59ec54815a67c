package dev.stave.ingest;

import dev.stave.StaveApplication;
import dev.stave.catalog.CatalogStore;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Opens the store of a data directory after an import, to inspect what it wrote. */
final class Catalog implements AutoCloseable {
  private final ConfigurableApplicationContext ctx;

  Catalog(Path dataDir) {
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    ctx = app.run("--stave.data-dir=" + dataDir, "--logging.level.root=WARN");
  }

  CatalogStore store() {
    return ctx.getBean(CatalogStore.class);
  }

  JdbcTemplate sql() {
    return ctx.getBean(JdbcTemplate.class);
  }

  long count(String sql, Object... args) {
    Long n = sql().queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  @Override
  public void close() {
    ctx.close();
  }
}

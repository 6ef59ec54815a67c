package dev.stave.config;

import java.util.Map;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The few DDL words that differ between SQLite and PostgreSQL, as Flyway placeholders, so that one
 * migration file serves both. On SQLite an {@code INTEGER PRIMARY KEY} is the rowid itself (a
 * {@code BIGINT} one would be a second B-tree written on every insert), and relation tables are
 * {@code WITHOUT ROWID}: stored once, in their primary-key order.
 */
@Configuration(proxyBeanMethods = false)
public class FlywayPlaceholders {
  @Bean
  FlywayConfigurationCustomizer vendorPlaceholders(StaveProperties props) {
    boolean postgres = props.db().postgres();
    return config -> config.placeholders(forDatabase(postgres));
  }

  /** The placeholder values for PostgreSQL ({@code true}) or SQLite ({@code false}). */
  public static Map<String, String> forDatabase(boolean postgres) {
    return Map.of(
        "id_type", postgres ? "BIGINT" : "INTEGER",
        "without_rowid", postgres ? "" : "WITHOUT ROWID",
        "timestamp_type", postgres ? "TIMESTAMPTZ" : "TIMESTAMP");
  }
}

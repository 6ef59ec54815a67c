package dev.stave.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How one entity type maps onto its main table and its relation tables. The upsert logic in {@link
 * CatalogStore} is written once against this description.
 */
public interface EntityTable<T> {

  /** The change-log name of the entity type (track, album, artist). */
  String kind();

  String table();

  /** Columns of the main table, excluding {@code id}, {@code uuid} and {@code content_hash}. */
  List<String> columns();

  long id(T entity);

  /** The entity's uuid, or null to have one issued (ignored when {@link #hasUuid()} is false). */
  UUID uuid(T entity);

  /** Values for {@link #columns()}, in order. */
  Object[] values(T entity);

  /** Child rows, keyed by relation table; each row holds values for {@link #relationColumns}. */
  Map<String, List<Object[]>> relations(T entity);

  /** The relation tables, in the order rows are read back. */
  List<String> relationTables();

  /** Whether the main table has a {@code uuid} column (issued on creation, never changed). */
  default boolean hasUuid() {
    return true;
  }

  /** Columns of a relation table, the first being the parent id (bound automatically). */
  List<String> relationColumns(String relationTable);

  /** Builds the entity from its main row and its relation rows. */
  T read(ResultSet row, Map<String, List<Object[]>> relations) throws SQLException;
}

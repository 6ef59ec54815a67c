package dev.stave.catalog;

import java.util.List;
import java.util.Map;

/** A table description for entities stored in one row, without relation tables. */
public abstract class FlatTable<T> implements EntityTable<T> {
  @Override
  public Map<String, List<Object[]>> relations(T entity) {
    return Map.of();
  }

  @Override
  public List<String> relationTables() {
    return List.of();
  }

  @Override
  public List<String> relationColumns(String relationTable) {
    throw new IllegalArgumentException(table() + " has no relation table " + relationTable);
  }
}

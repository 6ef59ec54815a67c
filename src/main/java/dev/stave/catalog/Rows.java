package dev.stave.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** Null-aware column readers shared by the entity tables. */
final class Rows {
  private Rows() {}

  static Double dbl(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }

  static Integer integer(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  static Long lng(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  static LocalDate date(ResultSet rs, String col) throws SQLException {
    String v = rs.getString(col);
    return v == null ? null : LocalDate.parse(v);
  }

  static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  static long asLong(Object o) {
    return ((Number) o).longValue();
  }

  static Double asDouble(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}

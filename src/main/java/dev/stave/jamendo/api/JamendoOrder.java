package dev.stave.jamendo.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Jamendo's {@code order} values: {@code field}, {@code field_asc} or {@code field_desc}, several
 * combined, the first most significant (spec §2.5, §5.2).
 */
public final class JamendoOrder {
  private JamendoOrder() {}

  /** Every accepted value for the given fields: each bare and with {@code _asc}/{@code _desc}. */
  public static List<String> values(String... fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      out.addAll(List.of(f, f + "_asc", f + "_desc"));
    }
    return out;
  }

  /** The field an order value names, without its direction. */
  public static String field(String order) {
    return order.replaceFirst("_(asc|desc)$", "");
  }

  /**
   * One comparator for the order values, in significance order, ascending unless {@code _desc},
   * then {@code tieBreak} so that equal items keep a stable order.
   */
  public static <T> Comparator<T> comparator(
      List<String> orders, Function<String, Comparator<T>> byField, Comparator<T> tieBreak) {
    Comparator<T> c = null;
    for (String o : orders) {
      Comparator<T> next = byField.apply(field(o));
      if (o.endsWith("_desc")) {
        next = next.reversed();
      }
      c = c == null ? next : c.thenComparing(next);
    }
    return c == null ? tieBreak : c.thenComparing(tieBreak);
  }
}

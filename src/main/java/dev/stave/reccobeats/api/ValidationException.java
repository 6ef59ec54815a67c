package dev.stave.reccobeats.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter values out of range or lists of the wrong size, answered with the validation envelope
 * (spec §5.2, code 4004). Each violation names the parameter; the error handler prefixes the name
 * of the controller method, as Bean Validation's property paths do ({@code getTracks.ids}).
 */
public class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One parameter and what is wrong with it, in Hibernate Validator's default words. */
  public record Violation(String parameter, String message) {}

  private final transient List<Violation> violations;

  ValidationException(List<Violation> violations) {
    super(violations.toString());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Collects violations; {@link #check()} throws when there is any. */
  public static final class Collector {
    private final List<Violation> found = new ArrayList<>();

    public Collector range(String parameter, long value, long min, long max) {
      if (value < min) {
        found.add(new Violation(parameter, "must be greater than or equal to " + min));
      } else if (value > max) {
        found.add(new Violation(parameter, "must be less than or equal to " + max));
      }
      return this;
    }

    /**
     * A decimal parameter in {@code min…max}, both included; null (absent) passes. Bounds are
     * written as the spec writes them ({@code 1}, {@code -60}, {@code 0.5}). A value that is not a
     * number ({@code NaN}, which Java parses) is reported with both bounds.
     */
    public Collector range(String parameter, Double value, double min, double max) {
      if (value == null) {
        return this;
      }
      if (Double.isNaN(value)) {
        found.add(
            new Violation(
                parameter, "must be a number between " + bound(min) + " and " + bound(max)));
      } else if (value < min) {
        found.add(new Violation(parameter, "must be greater than or equal to " + bound(min)));
      } else if (value > max) {
        found.add(new Violation(parameter, "must be less than or equal to " + bound(max)));
      }
      return this;
    }

    /** An integer parameter in {@code min…max}; null (absent) passes. */
    public Collector range(String parameter, Integer value, int min, int max) {
      return value == null ? this : range(parameter, (long) value, min, max);
    }

    private static String bound(double v) {
      return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public Collector size(String parameter, int size, int min, int max) {
      if (size < min || size > max) {
        found.add(new Violation(parameter, "size must be between " + min + " and " + max));
      }
      return this;
    }

    public Collector notBlank(String parameter, String value) {
      if (value == null || value.isBlank()) {
        found.add(new Violation(parameter, "must not be blank"));
      }
      return this;
    }

    public void check() {
      if (!found.isEmpty()) {
        throw new ValidationException(found);
      }
    }
  }
}

package dev.stave.library;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A listener account. {@code name} is the unique login-style name, {@code dispname} for display.
 */
public record User(
    long id,
    UUID uuid,
    String name,
    String dispname,
    String email,
    String lang,
    LocalDate creationDate,
    String image) {
  public User {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("user " + id + " has no name");
    }
  }
}

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

  /**
   * A user built by name: five of its components are optional strings, too easy to swap when given
   * by position. Components not set are null (the id 0).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** See {@link #builder()}. */
  public static final class Builder {
    private long id;
    private UUID uuid;
    private String name;
    private String dispname;
    private String email;
    private String lang;
    private LocalDate creationDate;
    private String image;

    private Builder() {}

    public Builder id(long id) {
      this.id = id;
      return this;
    }

    public Builder uuid(UUID uuid) {
      this.uuid = uuid;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder dispname(String dispname) {
      this.dispname = dispname;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder lang(String lang) {
      this.lang = lang;
      return this;
    }

    public Builder creationDate(LocalDate creationDate) {
      this.creationDate = creationDate;
      return this;
    }

    public Builder image(String image) {
      this.image = image;
      return this;
    }

    public User build() {
      return new User(id, uuid, name, dispname, email, lang, creationDate, image);
    }
  }
}

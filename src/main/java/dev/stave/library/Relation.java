package dev.stave.library;

import java.util.Locale;

/**
 * A user's relation to a catalog entity: a fan of an artist, an album in "my albums", a favorite,
 * liked or disliked track. Likes and dislikes of one track exclude each other.
 */
public enum Relation {
  FAN("fan", Target.ARTIST),
  MYALBUM("myalbum", Target.ALBUM),
  FAVORITE("favorite", Target.TRACK),
  LIKE("like", Target.TRACK),
  DISLIKE("dislike", Target.TRACK);

  /** The kind of entity a relation points at, with its table. */
  public enum Target {
    ARTIST("artists"),
    ALBUM("albums"),
    TRACK("tracks");

    private final String table;

    Target(String table) {
      this.table = table;
    }

    String table() {
      return table;
    }
  }

  private final String key;
  private final Target target;

  Relation(String key, Target target) {
    this.key = key;
    this.target = target;
  }

  /** The stored (and imported) name: {@code fan}, {@code myalbum}, {@code favorite}… */
  public String key() {
    return key;
  }

  public Target target() {
    return target;
  }

  /** The relation a like or a dislike replaces, or null. */
  Relation opposite() {
    return switch (this) {
      case LIKE -> DISLIKE;
      case DISLIKE -> LIKE;
      default -> null;
    };
  }

  /**
   * @throws IllegalArgumentException for a name that is no relation
   */
  public static Relation of(String key) {
    for (Relation r : values()) {
      if (r.key.equals(key.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "relation must be fan, myalbum, favorite, like or dislike, got '" + key + "'");
  }
}

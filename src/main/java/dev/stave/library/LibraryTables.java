package dev.stave.library;

import dev.stave.catalog.EntityTable;
import dev.stave.catalog.FlatTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Table descriptions of users, playlists and reviews for {@link
 * dev.stave.catalog.CatalogStore#write(EntityTable, List)}.
 */
public final class LibraryTables {
  private LibraryTables() {}

  public static final EntityTable<User> USERS = new UserTable();
  public static final EntityTable<Playlist> PLAYLISTS = new PlaylistTable();
  public static final EntityTable<Review> REVIEWS = new ReviewTable();

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static LocalDate date(ResultSet rs, String col) throws SQLException {
    String v = rs.getString(col);
    return v == null ? null : LocalDate.parse(v);
  }

  private static final class UserTable extends FlatTable<User> {
    @Override
    public String kind() {
      return "user";
    }

    @Override
    public String table() {
      return "users";
    }

    @Override
    public List<String> columns() {
      return List.of("name", "dispname", "email", "lang", "creation_date", "image");
    }

    @Override
    public long id(User u) {
      return u.id();
    }

    @Override
    public UUID uuid(User u) {
      return u.uuid();
    }

    @Override
    public Object[] values(User u) {
      return new Object[] {
        u.name(), u.dispname(), u.email(), u.lang(), text(u.creationDate()), u.image()
      };
    }

    @Override
    public User read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
      return User.builder()
          .id(rs.getLong("id"))
          .uuid(UUID.fromString(rs.getString("uuid")))
          .name(rs.getString("name"))
          .dispname(rs.getString("dispname"))
          .email(rs.getString("email"))
          .lang(rs.getString("lang"))
          .creationDate(date(rs, "creation_date"))
          .image(rs.getString("image"))
          .build();
    }
  }

  private static final class PlaylistTable implements EntityTable<Playlist> {
    private static final String TRACKS = "playlist_tracks";

    @Override
    public String kind() {
      return "playlist";
    }

    @Override
    public String table() {
      return "playlists";
    }

    @Override
    public List<String> columns() {
      return List.of("name", "user_id", "creation_date", "zip_allowed");
    }

    @Override
    public long id(Playlist p) {
      return p.id();
    }

    @Override
    public UUID uuid(Playlist p) {
      return p.uuid();
    }

    @Override
    public Object[] values(Playlist p) {
      return new Object[] {p.name(), p.userId(), text(p.creationDate()), p.zipAllowed()};
    }

    @Override
    public Map<String, List<Object[]>> relations(Playlist p) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < p.trackIds().size(); i++) {
        rows.add(new Object[] {i, p.trackIds().get(i), text(p.addedDates().get(i))});
      }
      return Map.of(TRACKS, rows);
    }

    @Override
    public List<String> relationTables() {
      return List.of(TRACKS);
    }

    @Override
    public List<String> relationColumns(String relationTable) {
      return List.of("playlist_id", "position", "track_id", "added_date");
    }

    @Override
    public Playlist read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
      List<Long> trackIds = new ArrayList<>();
      List<LocalDate> added = new ArrayList<>();
      for (Object[] r : relations.getOrDefault(TRACKS, List.of())) {
        trackIds.add(((Number) r[2]).longValue());
        added.add(r[3] == null ? null : LocalDate.parse(r[3].toString()));
      }
      long userId = rs.getLong("user_id");
      return new Playlist(
          rs.getLong("id"),
          UUID.fromString(rs.getString("uuid")),
          rs.getString("name"),
          rs.wasNull() ? null : userId,
          date(rs, "creation_date"),
          rs.getBoolean("zip_allowed"),
          trackIds,
          added);
    }
  }

  private static final class ReviewTable extends FlatTable<Review> {
    @Override
    public String kind() {
      return "review";
    }

    @Override
    public String table() {
      return "reviews";
    }

    @Override
    public boolean hasUuid() {
      return false;
    }

    @Override
    public List<String> columns() {
      return List.of(
          "entity_type",
          "entity_id",
          "user_id",
          "title",
          "text",
          "score",
          "lang",
          "date_added",
          "agree_count");
    }

    @Override
    public long id(Review r) {
      return r.id();
    }

    @Override
    public UUID uuid(Review r) {
      return null;
    }

    @Override
    public Object[] values(Review r) {
      return new Object[] {
        r.entityType(),
        r.entityId(),
        r.userId(),
        r.title(),
        r.text(),
        r.score(),
        r.lang(),
        text(r.dateAdded()),
        r.agreeCount()
      };
    }

    @Override
    public Review read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
      long userId = rs.getLong("user_id");
      Long user = rs.wasNull() ? null : userId;
      double score = rs.getDouble("score");
      Double s = rs.wasNull() ? null : score;
      return new Review(
          rs.getLong("id"),
          rs.getString("entity_type"),
          rs.getLong("entity_id"),
          user,
          rs.getString("title"),
          rs.getString("text"),
          s,
          rs.getString("lang"),
          date(rs, "date_added"),
          rs.getLong("agree_count"));
    }
  }
}

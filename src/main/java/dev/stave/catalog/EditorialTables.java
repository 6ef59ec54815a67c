package dev.stave.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Table descriptions of radios and feeds for {@link CatalogStore#write(EntityTable, List)}. */
public final class EditorialTables {
  private EditorialTables() {}

  public static final EntityTable<Radio> RADIOS = new RadioTable();
  public static final EntityTable<Feed> FEEDS = new FeedTable();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  /** Language maps are stored as JSON objects with sorted keys, so equal maps hash equally. */
  private static String json(Map<String, String> map) {
    return map.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(map));
  }

  private static Map<String, String> map(String json) {
    return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
  }

  /** Radios and feeds have no uuid: they are editorial, not catalog entities clients keep. */
  private abstract static class NoRelations<T> extends FlatTable<T> {
    @Override
    public boolean hasUuid() {
      return false;
    }

    @Override
    public UUID uuid(T entity) {
      return null;
    }
  }

  private static final class RadioTable extends NoRelations<Radio> {
    @Override
    public String kind() {
      return "radio";
    }

    @Override
    public String table() {
      return "radios";
    }

    @Override
    public List<String> columns() {
      return List.of("name", "dispname", "type", "image", "tags");
    }

    @Override
    public long id(Radio r) {
      return r.id();
    }

    @Override
    public Object[] values(Radio r) {
      return new Object[] {r.name(), r.dispname(), r.type(), r.image(), String.join(" ", r.tags())};
    }

    @Override
    public Radio read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
      String tags = rs.getString("tags");
      return new Radio(
          rs.getLong("id"),
          rs.getString("name"),
          rs.getString("dispname"),
          rs.getString("type"),
          rs.getString("image"),
          tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(" ")));
    }
  }

  private static final class FeedTable extends NoRelations<Feed> {
    @Override
    public String kind() {
      return "feed";
    }

    @Override
    public String table() {
      return "feeds";
    }

    @Override
    public List<String> columns() {
      return List.of(
          "type",
          "title",
          "text",
          "subtitle",
          "link",
          "position",
          "langs",
          "date_start",
          "date_end",
          "target",
          "join_id",
          "image");
    }

    @Override
    public long id(Feed f) {
      return f.id();
    }

    @Override
    public Object[] values(Feed f) {
      return new Object[] {
        f.type(),
        json(f.title()),
        json(f.text()),
        json(f.subtitle()),
        f.link(),
        f.position(),
        String.join(" ", f.langs()),
        f.dateStart() == null ? null : f.dateStart().toString(),
        f.dateEnd() == null ? null : f.dateEnd().toString(),
        f.target(),
        f.joinId(),
        f.image()
      };
    }

    @Override
    public Feed read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
      String langs = rs.getString("langs");
      String start = rs.getString("date_start");
      String end = rs.getString("date_end");
      return new Feed(
          rs.getLong("id"),
          rs.getString("type"),
          map(rs.getString("title")),
          map(rs.getString("text")),
          map(rs.getString("subtitle")),
          rs.getString("link"),
          rs.getInt("position"),
          langs == null || langs.isBlank() ? List.of() : Arrays.asList(langs.split(" ")),
          start == null ? null : LocalDateTime.parse(start),
          end == null ? null : LocalDateTime.parse(end),
          rs.getString("target"),
          Rows.lng(rs, "join_id"),
          rs.getString("image"));
    }
  }
}

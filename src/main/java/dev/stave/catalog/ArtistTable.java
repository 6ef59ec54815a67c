package dev.stave.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class ArtistTable implements EntityTable<Artist> {
  static final String LOCATIONS = "artist_locations";
  static final String DESCRIPTIONS = "artist_descriptions";

  @Override
  public String kind() {
    return "artist";
  }

  @Override
  public String table() {
    return "artists";
  }

  @Override
  public List<String> columns() {
    return List.of(
        "name",
        "idstr",
        "website",
        "join_date",
        "image",
        "spotify_id",
        "musicbrainz_id",
        "popularity");
  }

  @Override
  public long id(Artist a) {
    return a.id();
  }

  @Override
  public UUID uuid(Artist a) {
    return a.uuid();
  }

  @Override
  public Object[] values(Artist a) {
    return new Object[] {
      a.name(),
      a.idstr(),
      a.website(),
      Rows.text(a.joinDate()),
      a.image(),
      a.externalIds().spotifyId(),
      a.externalIds().musicbrainzId(),
      a.popularity()
    };
  }

  @Override
  public Map<String, List<Object[]>> relations(Artist a) {
    List<Object[]> locations = new ArrayList<>();
    for (int i = 0; i < a.locations().size(); i++) {
      Location l = a.locations().get(i);
      locations.add(
          new Object[] {i, l.country(), l.state(), l.city(), l.latitude(), l.longitude()});
    }
    List<Object[]> descriptions = new ArrayList<>();
    a.descriptions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> descriptions.add(new Object[] {e.getKey(), e.getValue()}));
    return Map.of(LOCATIONS, locations, DESCRIPTIONS, descriptions);
  }

  @Override
  public List<String> relationTables() {
    return List.of(LOCATIONS, DESCRIPTIONS);
  }

  @Override
  public List<String> relationColumns(String relationTable) {
    return switch (relationTable) {
      case LOCATIONS ->
          List.of("artist_id", "ordinal", "country", "state", "city", "latitude", "longitude");
      case DESCRIPTIONS -> List.of("artist_id", "lang", "text");
      default -> throw new IllegalArgumentException(relationTable);
    };
  }

  @Override
  public Artist read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
    List<Location> locations = new ArrayList<>();
    for (Object[] r : relations.getOrDefault(LOCATIONS, List.of())) {
      locations.add(
          new Location(
              (String) r[2],
              (String) r[3],
              (String) r[4],
              Rows.asDouble(r[5]),
              Rows.asDouble(r[6])));
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Object[] r : relations.getOrDefault(DESCRIPTIONS, List.of())) {
      descriptions.put((String) r[1], (String) r[2]);
    }
    return new Artist(
        rs.getLong("id"),
        UUID.fromString(rs.getString("uuid")),
        rs.getString("name"),
        rs.getString("idstr"),
        rs.getString("website"),
        Rows.date(rs, "join_date"),
        rs.getString("image"),
        new ExternalIds(rs.getString("spotify_id"), null, rs.getString("musicbrainz_id")),
        rs.getDouble("popularity"),
        locations,
        descriptions);
  }
}

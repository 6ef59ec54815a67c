package dev.stave.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class AlbumTable implements EntityTable<Album> {
  static final String ARTISTS = "album_artists";
  static final String DESCRIPTIONS = "album_descriptions";
  static final String TAGS = "album_tags";

  @Override
  public String kind() {
    return "album";
  }

  @Override
  public String table() {
    return "albums";
  }

  @Override
  public List<String> columns() {
    return List.of(
        "name",
        "artist_id",
        "release_date",
        "release_date_precision",
        "label",
        "album_type",
        "upc",
        "ean",
        "image",
        "zip_allowed",
        "spotify_id",
        "musicbrainz_id",
        "popularity");
  }

  @Override
  public long id(Album a) {
    return a.id();
  }

  @Override
  public UUID uuid(Album a) {
    return a.uuid();
  }

  @Override
  public Object[] values(Album a) {
    ReleaseDate d = a.releaseDate();
    return new Object[] {
      a.name(),
      a.primaryArtistId(),
      d == null ? null : d.date().toString(),
      d == null ? null : d.precision().wireName(),
      a.label(),
      a.albumType(),
      a.upc(),
      a.ean(),
      a.image(),
      a.zipAllowed(),
      a.externalIds().spotifyId(),
      a.externalIds().musicbrainzId(),
      a.popularity()
    };
  }

  @Override
  public Map<String, List<Object[]>> relations(Album a) {
    List<Object[]> artists = new ArrayList<>();
    for (int i = 0; i < a.artistIds().size(); i++) {
      artists.add(new Object[] {i, a.artistIds().get(i)});
    }
    List<Object[]> descriptions = new ArrayList<>();
    a.descriptions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> descriptions.add(new Object[] {e.getKey(), e.getValue()}));
    // Tags are a set (no position column): sorted here so that neither the content hash nor what
    // is read back depends on input order or on the database's collation.
    List<Object[]> tags = a.tags().stream().distinct().sorted().map(t -> new Object[] {t}).toList();
    return Map.of(ARTISTS, artists, DESCRIPTIONS, descriptions, TAGS, tags);
  }

  @Override
  public List<String> relationTables() {
    return List.of(ARTISTS, DESCRIPTIONS, TAGS);
  }

  @Override
  public List<String> relationColumns(String relationTable) {
    return switch (relationTable) {
      case ARTISTS -> List.of("album_id", "position", "artist_id");
      case DESCRIPTIONS -> List.of("album_id", "lang", "text");
      case TAGS -> List.of("album_id", "tag");
      default -> throw new IllegalArgumentException(relationTable);
    };
  }

  @Override
  public Album read(ResultSet rs, Map<String, List<Object[]>> relations) throws SQLException {
    List<Long> artistIds = new ArrayList<>();
    for (Object[] r : relations.getOrDefault(ARTISTS, List.of())) {
      artistIds.add(Rows.asLong(r[2]));
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Object[] r : relations.getOrDefault(DESCRIPTIONS, List.of())) {
      descriptions.put((String) r[1], (String) r[2]);
    }
    List<String> tags = new ArrayList<>();
    for (Object[] r : relations.getOrDefault(TAGS, List.of())) {
      tags.add((String) r[1]);
    }
    tags.sort(null); // Java's order, as in relations(), not the database collation's
    return new Album(
        rs.getLong("id"),
        UUID.fromString(rs.getString("uuid")),
        rs.getString("name"),
        artistIds,
        ReleaseDate.of(rs.getString("release_date"), rs.getString("release_date_precision")),
        rs.getString("label"),
        rs.getString("album_type"),
        rs.getString("upc"),
        rs.getString("ean"),
        rs.getString("image"),
        rs.getBoolean("zip_allowed"),
        new ExternalIds(rs.getString("spotify_id"), null, rs.getString("musicbrainz_id")),
        rs.getDouble("popularity"),
        descriptions,
        tags);
  }
}

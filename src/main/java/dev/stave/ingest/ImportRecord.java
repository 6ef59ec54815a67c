package dev.stave.ingest;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityTable;
import dev.stave.catalog.Track;
import dev.stave.library.UserRelation;
import java.util.List;

/**
 * One unit of import progress: typically a track with the artists and album it refers to. A record
 * is written whole or not at all, and the checkpoint counts records, so an importer must emit its
 * records in the same order every time it reads the same input.
 *
 * <p>Referenced entities may be repeated in many records; the writer stores each one once per run.
 */
public record ImportRecord(
    SourceRef source,
    List<Artist> artists,
    List<Album> albums,
    List<Track> tracks,
    List<Tabled<?>> others,
    List<UserRelation> relations,
    List<AudioPath> audioPaths) {
  public ImportRecord {
    audioPaths = List.copyOf(audioPaths);
    artists = List.copyOf(artists);
    albums = List.copyOf(albums);
    tracks = List.copyOf(tracks);
    others = List.copyOf(others);
    relations = List.copyOf(relations);
  }

  public ImportRecord(
      SourceRef source,
      List<Artist> artists,
      List<Album> albums,
      List<Track> tracks,
      List<Tabled<?>> others,
      List<UserRelation> relations) {
    this(source, artists, albums, tracks, others, relations, List.of());
  }

  public ImportRecord(
      SourceRef source,
      List<Artist> artists,
      List<Album> albums,
      List<Track> tracks,
      List<Tabled<?>> others) {
    this(source, artists, albums, tracks, others, List.of());
  }

  public ImportRecord(
      SourceRef source, List<Artist> artists, List<Album> albums, List<Track> tracks) {
    this(source, artists, albums, tracks, List.of());
  }

  /**
   * An entity of another table (user, playlist, review, radio, feed), written after the catalog
   * entities of its batch, in the order of {@link BatchWriter#OTHER_TABLES}.
   */
  public record Tabled<T>(EntityTable<T> table, T entity) {}

  public static <T> ImportRecord of(SourceRef source, EntityTable<T> table, T entity) {
    return new ImportRecord(
        source, List.of(), List.of(), List.of(), List.of(new Tabled<>(table, entity)));
  }

  /** A user's relation, written after every other entity of its batch. */
  public static ImportRecord of(SourceRef source, UserRelation relation) {
    return new ImportRecord(source, List.of(), List.of(), List.of(), List.of(), List.of(relation));
  }

  public static ImportRecord of(SourceRef source, Artist artist) {
    return new ImportRecord(source, List.of(artist), List.of(), List.of());
  }

  public static ImportRecord of(SourceRef source, Album album) {
    return new ImportRecord(source, List.of(), List.of(album), List.of());
  }

  public static ImportRecord of(SourceRef source, Track track) {
    return new ImportRecord(source, List.of(), List.of(), List.of(track));
  }

  /**
   * Where the audio of a track of this import is expected: a path relative to an audio root (MTG's
   * {@code PATH}, the jsonl {@code audio} field), linked by {@code stave import --audio-root} or
   * the next {@code stave scan}.
   */
  public record AudioPath(long trackId, String path) {}

  /** This record, also naming where the audio of track {@code trackId} is expected. */
  public ImportRecord withAudioPath(long trackId, String path) {
    List<AudioPath> paths = new java.util.ArrayList<>(audioPaths);
    paths.add(new AudioPath(trackId, path));
    return new ImportRecord(source, artists, albums, tracks, others, relations, paths);
  }

  int size() {
    return artists.size() + albums.size() + tracks.size() + others.size() + relations.size();
  }
}

package dev.stave.ingest;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Spotify-style audio-feature CSVs ({@link SpotifyCsvLayout}). Rows carry Spotify ids and names but
 * no Stave ids, so entities are matched to what is stored — tracks and albums by Spotify id,
 * artists by exact name, albums without a Spotify id by artist and name — and new ones get ids from
 * {@link CatalogStore#allocateIds}. That matching is what makes re-imports idempotent.
 *
 * <p>The files are read whole before anything is written (they are small: 8k rows take a few MB):
 * rows of the same track in several files are merged, and an album's artists are known in full.
 * ReccoBeats files are read first so that their values (UUID, full release date, disc and track
 * number) win over the coarser spotify_songs ones.
 */
@Component
class SpotifyCsvImporter implements Importer {
  private final CatalogStore store;

  SpotifyCsvImporter(CatalogStore store) {
    this.store = store;
  }

  @Override
  public String format() {
    return "spotify-csv";
  }

  @Override
  public String description() {
    return "Spotify-style audio-feature CSVs (spotify_songs, ReccoBeats features_*.csv)";
  }

  @Override
  public void read(List<Path> files, ImportSink sink) throws IOException {
    Map<Path, SpotifyCsvLayout> layouts = new LinkedHashMap<>();
    // Name order within a layout, so that which row's values win does not depend on how the
    // operator lists the files.
    List<Path> sorted = new ArrayList<>(files);
    sorted.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    for (Path f : sorted) {
      layouts.put(f, layoutOf(f));
    }
    Map<String, SpotifyRow> tracks = new LinkedHashMap<>();
    int merged = 0;
    for (SpotifyCsvLayout layout :
        List.of(SpotifyCsvLayout.RECCOBEATS_FEATURES, SpotifyCsvLayout.SPOTIFY_SONGS)) {
      for (Map.Entry<Path, SpotifyCsvLayout> e : layouts.entrySet()) {
        if (e.getValue() == layout) {
          merged += readRows(e.getKey(), layout, tracks, sink);
        }
      }
    }
    if (merged > 0) {
      sink.note(
          String.format(
              Locale.ROOT,
              "%,d rows described a track already read from another row and were merged into it",
              merged));
    }
    emit(new ArrayList<>(tracks.values()), sink);
  }

  private static CSVFormat csv() {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true)
        .get();
  }

  private static SpotifyCsvLayout layoutOf(Path f) throws IOException {
    try (Reader in = reader(f);
        CSVParser p = CSVParser.parse(in, csv())) {
      SpotifyCsvLayout l = SpotifyCsvLayout.of(p.getHeaderNames());
      if (l == null) {
        throw new ImportException(
            f
                + ": header matches no known Spotify-style CSV (spotify_songs: track_id,"
                + " track_name, track_artist, track_album_id, …; ReccoBeats features: id, name,"
                + " artist, album, recco_id, …); found "
                + p.getHeaderNames());
      }
      return l;
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new ImportException(f + ": not readable as CSV: " + e.getMessage(), e);
    }
  }

  private static Reader reader(Path f) throws IOException {
    return new InputStreamReader(InputFiles.open(f), StandardCharsets.UTF_8);
  }

  /** Reads one file into {@code tracks}; returns how many rows were merged into earlier ones. */
  private static int readRows(
      Path f, SpotifyCsvLayout layout, Map<String, SpotifyRow> tracks, ImportSink sink)
      throws IOException {
    int merged = 0;
    try (Reader in = reader(f);
        CSVParser p = CSVParser.parse(in, csv())) {
      int columns = p.getHeaderNames().size();
      for (CSVRecord r : p) {
        sink.rowRead();
        // Line of the record's end; equals its start unless a quoted field spans lines.
        SourceRef where = SourceRef.of(f, p.getCurrentLineNumber());
        if (r.size() != columns) {
          sink.skip(where, "expected " + columns + " fields as in the header, found " + r.size());
          continue;
        }
        SpotifyRow row;
        try {
          row = layout.parse(r, where);
        } catch (IllegalArgumentException e) {
          sink.skip(where, e.getMessage());
          continue;
        }
        SpotifyRow known = tracks.get(row.spotifyId());
        if (known == null) {
          tracks.put(row.spotifyId(), row);
        } else {
          tracks.put(row.spotifyId(), known.mergedWith(row));
          merged++;
        }
      }
    } catch (UncheckedIOException e) {
      sink.skip(SourceRef.of(f, 0), "the rest of the file is not valid CSV: " + e.getMessage());
    }
    return merged;
  }

  /** An album as the rows describe it, before it has a Stave id. */
  private static final class AlbumGroup {
    final String spotifyId;
    final String name;
    final Set<String> artists = new LinkedHashSet<>();
    ReleaseDate releaseDate;
    long id;

    AlbumGroup(String spotifyId, String name) {
      this.spotifyId = spotifyId;
      this.name = name;
    }

    void add(SpotifyRow r) {
      artists.add(r.artist());
      ReleaseDate d = r.releaseDate();
      if (d != null
          && (releaseDate == null || d.precision().compareTo(releaseDate.precision()) > 0)) {
        releaseDate = d;
      }
    }
  }

  private void emit(List<SpotifyRow> rows, ImportSink sink) {
    // Albums: first those with a Spotify id, then rows without one join an album of the same
    // artist and name, or form one.
    Map<String, AlbumGroup> bySpotifyId = new LinkedHashMap<>();
    Map<String, AlbumGroup> byArtistAndName = new LinkedHashMap<>();
    Map<SpotifyRow, AlbumGroup> albumOf = new LinkedHashMap<>();
    for (SpotifyRow r : rows) {
      if (r.albumSpotifyId() != null && r.album() != null) {
        AlbumGroup g =
            bySpotifyId.computeIfAbsent(r.albumSpotifyId(), k -> new AlbumGroup(k, r.album()));
        g.add(r);
        albumOf.put(r, g);
        byArtistAndName.putIfAbsent(r.artist() + "\u0000" + r.album(), g);
      }
    }
    for (SpotifyRow r : rows) {
      if (r.albumSpotifyId() == null && r.album() != null) {
        AlbumGroup g =
            byArtistAndName.computeIfAbsent(
                r.artist() + "\u0000" + r.album(), k -> new AlbumGroup(null, r.album()));
        g.add(r);
        albumOf.put(r, g);
      }
    }
    List<AlbumGroup> albums = new ArrayList<>(new LinkedHashSet<>(albumOf.values()));

    ArtistAlbumIds ids = new ArtistAlbumIds(store);
    Map<String, Long> artistIds = resolveArtists(rows, albums, ids);
    resolveAlbums(albums, artistIds, ids);
    Map<String, Long> trackIds = resolveTracks(rows);

    // What this input does not say keeps its stored value (see mergeWithStored).
    Map<Long, Track> storedTracks = new HashMap<>();
    store.findTracks(trackIds.values()).forEach(t -> storedTracks.put(t.id(), t));
    Map<Long, Album> storedAlbums = new HashMap<>();
    store
        .findAlbums(albums.stream().map(a -> a.id).toList())
        .forEach(a -> storedAlbums.put(a.id(), a));

    Map<String, Artist> artists = new HashMap<>();
    artistIds.forEach((name, id) -> artists.put(name, Artist.named(id, name)));
    int done = 0;
    for (SpotifyRow r : rows) {
      AlbumGroup g = albumOf.get(r);
      List<Artist> recordArtists = new ArrayList<>();
      recordArtists.add(artists.get(r.artist()));
      List<Album> recordAlbums = List.of();
      if (g != null) {
        List<Long> albumArtists = g.artists.stream().map(artistIds::get).toList();
        g.artists.forEach(
            a -> {
              if (!a.equals(r.artist())) {
                recordArtists.add(artists.get(a));
              }
            });
        recordAlbums = List.of(mergeWithStored(g, albumArtists, storedAlbums.get(g.id)));
      }
      Track track =
          mergeWithStored(
              Track.builder()
                  .id(trackIds.get(r.spotifyId()))
                  .uuid(r.uuid())
                  .name(r.name())
                  .albumId(g == null ? null : g.id)
                  .position(r.position())
                  .disc(r.disc())
                  .durationMs(r.durationMs() == null ? 0 : r.durationMs())
                  .releaseDate(g != null && g.releaseDate != null ? g.releaseDate : r.releaseDate())
                  .externalIds(new ExternalIds(r.spotifyId(), null, null))
                  .popularity(r.popularity() == null ? 0 : r.popularity())
                  .flags(new TrackFlags(true, false, false, Boolean.TRUE.equals(r.explicit())))
                  .features(r.features())
                  .artistIds(List.of(artistIds.get(r.artist())))
                  .build(),
              r,
              storedTracks.get(trackIds.get(r.spotifyId())));
      sink.accept(new ImportRecord(r.source(), recordArtists, recordAlbums, List.of(track)));
      sink.progress(++done, rows.size(), "tracks");
    }
  }

  private static Album mergeWithStored(AlbumGroup g, List<Long> artists, Album stored) {
    String spotifyId = g.spotifyId;
    ReleaseDate date = g.releaseDate;
    if (stored != null) {
      spotifyId = spotifyId != null ? spotifyId : stored.externalIds().spotifyId();
      ReleaseDate s = stored.releaseDate();
      if (s != null && (date == null || s.precision().compareTo(date.precision()) > 0)) {
        date = s;
      }
    }
    // What the CSV says replaces; what only the catalog knows (label, barcodes, image,
    // descriptions …) is kept from the stored album.
    return (stored == null ? Album.builder() : stored.toBuilder())
        .id(g.id)
        .uuid(null)
        .name(g.name)
        .artistIds(artists)
        .releaseDate(date)
        .externalIds(
            new ExternalIds(
                spotifyId, null, stored == null ? null : stored.externalIds().musicbrainzId()))
        .build();
  }

  /**
   * A Spotify CSV row says nothing about disc, position or explicitness (spotify_songs) or may lack
   * features ("NA"): such fields keep what another import stored, so that importing a coarser file
   * after a richer one does not erase information. Fields the row has win.
   */
  private static Track mergeWithStored(Track t, SpotifyRow r, Track stored) {
    if (stored == null) {
      return t;
    }
    // Kept from the stored track as they are: license, musicinfo, lyrics, countries, stats, tags.
    return stored.toBuilder()
        .id(t.id())
        .uuid(t.uuid())
        .name(t.name())
        .albumId(t.albumId() != null ? t.albumId() : stored.albumId())
        .position(r.position() != null ? r.position() : stored.position())
        .disc(r.disc() != null ? r.disc() : stored.disc())
        .durationMs(r.durationMs() != null ? r.durationMs() : stored.durationMs())
        .releaseDate(t.releaseDate() != null ? t.releaseDate() : stored.releaseDate())
        .externalIds(
            new ExternalIds(
                r.spotifyId(), stored.externalIds().isrc(), stored.externalIds().musicbrainzId()))
        .popularity(r.popularity() != null ? r.popularity() : stored.popularity())
        .flags(
            new TrackFlags(
                stored.flags().downloadAllowed(),
                stored.flags().contentIdFree(),
                stored.flags().featured(),
                r.explicit() != null ? r.explicit() : stored.flags().explicit()))
        .features(r.features().isEmpty() ? stored.features() : t.features())
        .artistIds(t.artistIds())
        .build();
  }

  private static Map<String, Long> resolveArtists(
      List<SpotifyRow> rows, List<AlbumGroup> albums, ArtistAlbumIds ids) {
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.add(r.artist()));
    albums.forEach(a -> names.addAll(a.artists));
    return ids.artists(names);
  }

  /**
   * Albums with a Spotify id by that id; the others by artist and name ({@link ArtistAlbumIds}).
   */
  private void resolveAlbums(
      List<AlbumGroup> albums, Map<String, Long> artistIds, ArtistAlbumIds ids) {
    List<String> spotifyIds =
        albums.stream().map(a -> a.spotifyId).filter(java.util.Objects::nonNull).toList();
    Map<String, Long> stored = store.idsBySpotifyId("albums", spotifyIds);
    List<AlbumGroup> fresh = new ArrayList<>();
    Map<AlbumGroup, ArtistAlbumIds.AlbumKey> byName = new LinkedHashMap<>();
    for (AlbumGroup a : albums) {
      if (a.spotifyId == null) {
        byName.put(
            a, new ArtistAlbumIds.AlbumKey(artistIds.get(a.artists.iterator().next()), a.name));
      } else if (stored.containsKey(a.spotifyId)) {
        a.id = stored.get(a.spotifyId);
      } else {
        fresh.add(a);
      }
    }
    if (!fresh.isEmpty()) {
      long next = store.allocateIds("albums", fresh.size());
      for (AlbumGroup a : fresh) {
        a.id = next++;
      }
    }
    Map<ArtistAlbumIds.AlbumKey, Long> named = ids.albums(byName.values());
    byName.forEach((a, key) -> a.id = named.get(key));
  }

  private Map<String, Long> resolveTracks(List<SpotifyRow> rows) {
    Map<String, Long> ids =
        new HashMap<>(
            store.idsBySpotifyId("tracks", rows.stream().map(SpotifyRow::spotifyId).toList()));
    List<SpotifyRow> fresh = rows.stream().filter(r -> !ids.containsKey(r.spotifyId())).toList();
    if (!fresh.isEmpty()) {
      long next = store.allocateIds("tracks", fresh.size());
      for (SpotifyRow r : fresh) {
        ids.put(r.spotifyId(), next++);
      }
    }
    return ids;
  }
}

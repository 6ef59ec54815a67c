package dev.stave.ingest;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The MTG-Jamendo dataset: autotagging TSVs keyed by real Jamendo ids, joined with the names of
 * {@code jamendo_ds} ({@code genre;song;artist;songno;downloadurl;duration}). Which file is which
 * is told by its header, so files may be given in any order.
 *
 * <p>A track may appear in several TSVs (genre, instrument, mood/theme): its tags are the union.
 * Names missing from the names file are generated ("Track 948", "Artist 87", "Album 149"); albums
 * have no names in either source. The dataset is small enough to join in memory (55k tracks take a
 * few MB), which also gives records in track-id order, stable across runs.
 */
@Component
class MtgJamendoImporter implements Importer {
  static final String TSV_HEADER = "TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION";
  static final String NAMES_HEADER = "genre;song;artist;songno;downloadurl;duration";

  @Override
  public String format() {
    return "mtg-jamendo";
  }

  @Override
  public String description() {
    return "MTG-Jamendo autotagging TSVs, optionally with the jamendo_ds names CSV";
  }

  @Override
  public void read(List<Path> files, ImportSink sink) throws IOException {
    List<Path> tsvs = new ArrayList<>();
    List<Path> names = new ArrayList<>();
    for (Path f : files) {
      String header = firstLine(f);
      if (header.startsWith(TSV_HEADER)) {
        tsvs.add(f);
      } else if (header.startsWith(NAMES_HEADER)) {
        names.add(f);
      } else {
        throw new ImportException(
            f
                + ": not an MTG-Jamendo file; expected a TSV with header '"
                + TSV_HEADER.replace('\t', ' ')
                + " TAGS' or the jamendo_ds CSV with header '"
                + NAMES_HEADER
                + ";'");
      }
    }
    if (tsvs.isEmpty()) {
      throw new ImportException("no MTG-Jamendo TSV among the files (only names files given)");
    }
    // Name order, not command-line order: when two files disagree on a track, the same one wins
    // however the operator lists them.
    tsvs.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    names.sort(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    Map<Long, MtgRow> tracks = new TreeMap<>();
    for (Path f : tsvs) {
      readTsv(f, tracks, sink);
    }
    Map<Long, JamendoNames.Named> named = new HashMap<>();
    for (Path f : names) {
      named.putAll(JamendoNames.read(f, sink));
    }
    emit(tracks, named, sink);
  }

  private static String firstLine(Path f) throws IOException {
    try (LineReader r = new LineReader(f)) {
      String s = r.next();
      return s == null ? "" : s;
    }
  }

  private static void readTsv(Path file, Map<Long, MtgRow> tracks, ImportSink sink)
      throws IOException {
    try (LineReader r = new LineReader(file)) {
      r.next(); // header
      String line;
      while ((line = r.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        sink.rowRead();
        SourceRef where = SourceRef.of(file, r.line());
        MtgRow row;
        try {
          row = MtgRow.parse(line, where);
        } catch (IllegalArgumentException e) {
          sink.skip(where, e.getMessage());
          continue;
        }
        MtgRow known = tracks.get(row.trackId());
        if (known == null) {
          tracks.put(row.trackId(), row);
        } else if (!known.sameTrackAs(row)) {
          sink.skip(
              where,
              "track "
                  + row.trackId()
                  + " disagrees with "
                  + known.source()
                  + " on artist, album or duration");
        } else {
          known.tags().addAll(row.tags());
        }
      }
    }
  }

  private static void emit(
      Map<Long, MtgRow> tracks, Map<Long, JamendoNames.Named> named, ImportSink sink) {
    Map<Long, String> artistNames = artistNames(tracks, named);
    Map<Long, Long> albumArtist = new HashMap<>();
    tracks.values().forEach(t -> albumArtist.putIfAbsent(t.albumId(), t.artistId()));
    // Artist construction derives a slug by regex: build each artist once, not once per track.
    Map<Long, Artist> artists = new HashMap<>();
    java.util.function.LongFunction<Artist> artistOf =
        id ->
            artists.computeIfAbsent(
                id, k -> Artist.named(k, artistNames.getOrDefault(k, "Artist " + k)));
    long matched = 0;
    long done = 0;
    for (MtgRow t : tracks.values()) {
      JamendoNames.Named n = named.get(t.trackId());
      if (n != null) {
        matched++;
      }
      String trackName = n != null ? n.track() : "Track " + t.trackId();
      Artist artist = artistOf.apply(t.artistId());
      long albumArtistId = albumArtist.get(t.albumId());
      Album album =
          Album.builder()
              .id(t.albumId())
              .name("Album " + t.albumId())
              .artistIds(List.of(albumArtistId))
              .build();
      Track track =
          Track.builder()
              .id(t.trackId())
              .name(trackName)
              .albumId(t.albumId())
              .durationMs(Math.round(t.durationSeconds() * 1000))
              .artistIds(List.of(t.artistId()))
              .tags(List.copyOf(t.tags()))
              .build();
      List<Artist> recordArtists =
          albumArtistId == t.artistId()
              ? List.of(artist)
              : List.of(artist, artistOf.apply(albumArtistId));
      sink.accept(
          new ImportRecord(t.source(), recordArtists, List.of(album), List.of(track))
              .withAudioPath(track.id(), t.path()));
      sink.progress(++done, tracks.size(), "tracks");
    }
    long namedArtists = artistNames.size();
    sink.note(
        String.format(
            Locale.ROOT,
            "names: %,d tracks and %,d artists named from the names file; the other %,d tracks,"
                + " %,d artists and every album got generated names (Track N, Artist N, Album N)",
            matched,
            namedArtists,
            tracks.size() - matched,
            tracks.values().stream().map(MtgRow::artistId).distinct().count() - namedArtists));
    if (!named.isEmpty()) {
      sink.note(
          String.format(
              Locale.ROOT,
              "%,d names-file tracks are not in the MTG files and were not imported (the names"
                  + " file has no artist or album ids)",
              named.keySet().stream().filter(id -> !tracks.containsKey(id)).count()));
    }
  }

  /**
   * An artist's name is the one its named tracks give most often (ties: the lowest track id's), so
   * that a stray "feat." credit does not rename the artist.
   */
  private static Map<Long, String> artistNames(
      Map<Long, MtgRow> tracks, Map<Long, JamendoNames.Named> named) {
    Map<Long, Map<String, Integer>> votes = new HashMap<>();
    for (MtgRow t : tracks.values()) {
      JamendoNames.Named n = named.get(t.trackId());
      if (n != null && !n.artist().isBlank()) {
        votes
            .computeIfAbsent(t.artistId(), k -> new LinkedHashMap<>())
            .merge(n.artist(), 1, Integer::sum);
      }
    }
    Map<Long, String> out = new HashMap<>();
    votes.forEach(
        (artistId, counts) -> {
          String best = null;
          int max = 0;
          for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > max) {
              best = e.getKey();
              max = e.getValue();
            }
          }
          out.put(artistId, best);
        });
    return out;
  }

  /** One TSV row. Tags are mutable so rows of the same track in other files can add theirs. */
  record MtgRow(
      long trackId,
      long artistId,
      long albumId,
      double durationSeconds,
      String path,
      Set<Tag> tags,
      SourceRef source) {

    static MtgRow parse(String line, SourceRef where) {
      String[] f = line.split("\t", -1);
      if (f.length < 5) {
        throw new IllegalArgumentException(
            "expected at least 5 tab-separated fields, found " + f.length);
      }
      long track = id(f[0], "track_");
      long artist = id(f[1], "artist_");
      long album = id(f[2], "album_");
      double duration;
      try {
        duration = Double.parseDouble(f[4].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DURATION is not a number: '" + f[4] + "'", e);
      }
      if (!(duration >= 0) || Double.isInfinite(duration)) {
        throw new IllegalArgumentException("DURATION out of range: " + f[4]);
      }
      Set<Tag> tags = new LinkedHashSet<>();
      for (int i = 5; i < f.length; i++) {
        if (!f[i].isBlank()) {
          tags.add(tag(f[i].trim()));
        }
      }
      String path = AudioPathText.relative("PATH", f[3]);
      return new MtgRow(track, artist, album, duration, path, tags, where);
    }

    private static long id(String field, String prefix) {
      String s = field.trim();
      if (!s.startsWith(prefix)) {
        throw new IllegalArgumentException(
            "expected an id like " + prefix + "000123, got '" + s + "'");
      }
      try {
        long id = Long.parseLong(s.substring(prefix.length()));
        if (id <= 0) {
          throw new IllegalArgumentException("id must be positive: '" + s + "'");
        }
        return id;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected an id like " + prefix + "000123, got '" + s + "'", e);
      }
    }

    private static Tag tag(String s) {
      int sep = s.indexOf("---");
      if (sep <= 0) {
        throw new IllegalArgumentException("tag '" + s + "' is not of the form category---tag");
      }
      String category =
          switch (s.substring(0, sep)) {
            case "genre" -> Tag.GENRE;
            case "instrument" -> Tag.INSTRUMENT;
            case "mood/theme" -> Tag.MOOD;
            default ->
                throw new IllegalArgumentException(
                    "tag '" + s + "' has an unknown category (genre, instrument, mood/theme)");
          };
      return new Tag(category, s.substring(sep + 3));
    }

    boolean sameTrackAs(MtgRow o) {
      return artistId == o.artistId && albumId == o.albumId && durationSeconds == o.durationSeconds;
    }
  }
}

package dev.stave.ingest;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.Location;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.stereotype.Component;

/**
 * Jamendo's legacy catalogue dump {@code <JamendoData>} (spec §12), plain or gzip, streamed with
 * StAX one artist at a time. Each artist, album and track becomes a record, in document order.
 *
 * <p>A malformed item is skipped with everything it contains: a track without an id; an album
 * without an id or name (with its tracks); an artist without an id or name (with its albums). The
 * dump gives tags without a category: {@code id3genre} becomes a {@code genre} tag by the ID3v1
 * table, and each {@code Tags/tag/idstr} is sorted by {@link TagVocabulary} into a genre, an
 * instrument, or else a Jamendo "vartag" (Stave category {@code mood}).
 */
@Component
class JamendoXmlImporter implements Importer {
  private static final Pattern ARTIST_URL = Pattern.compile("/artist/([^/?#]+)/?$");

  @Override
  public String format() {
    return "jamendo-xml";
  }

  @Override
  public String description() {
    return "Jamendo's legacy XML dump <JamendoData> (dbdump_artistalbumtrack.xml, plain or gzip)";
  }

  @Override
  public void read(List<Path> files, ImportSink sink) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // A catalogue dump needs neither a DTD nor entities; refusing them closes XXE.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    for (Path f : files) {
      checkRoot(factory, f);
    }
    for (Path f : files) {
      readFile(factory, f, sink);
    }
  }

  private static void checkRoot(XMLInputFactory factory, Path f) throws IOException {
    try (InputStream in = InputFiles.open(f)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      try {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
          // skip the prolog
        }
        if (!r.isStartElement() || !r.getLocalName().equals("JamendoData")) {
          throw new ImportException(
              f + ": not a Jamendo XML dump (root element must be <JamendoData>)");
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new ImportException(f + ": not XML: " + e.getMessage(), e);
    }
  }

  private void readFile(XMLInputFactory factory, Path f, ImportSink sink) throws IOException {
    long size = Files.size(f);
    InputFiles.Counting counting = new InputFiles.Counting(Files.newInputStream(f));
    try (InputStream in = InputFiles.decompressing(counting)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("artist")) {
            XmlNode artist = XmlNode.read(r);
            emitArtist(artist, f, sink);
            sink.progress(counting.count(), size, "bytes");
          }
        }
      } catch (XMLStreamException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        sink.skip(
            SourceRef.of(f, line),
            "XML is not well-formed ("
                + e.getMessage().replaceAll("\\s+", " ")
                + "); the rest of this file is not imported");
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new ImportException(f + ": cannot read XML: " + e.getMessage(), e);
    }
  }

  private static void emitArtist(XmlNode a, Path f, ImportSink sink) {
    sink.rowRead();
    SourceRef where = SourceRef.of(f, a.line());
    Artist artist;
    try {
      artist = artist(a);
    } catch (IllegalArgumentException e) {
      int albums = a.all("Albums", "album").size();
      sink.skip(
          where,
          "artist: "
              + e.getMessage()
              + (albums > 0
                  ? "; its " + albums + " album(s) and their tracks are skipped too"
                  : ""));
      return;
    }
    sink.accept(ImportRecord.of(where, artist));
    for (XmlNode al : a.all("Albums", "album")) {
      sink.rowRead();
      SourceRef albumWhere = SourceRef.of(f, al.line());
      Album album;
      try {
        album = album(al, artist.id());
      } catch (IllegalArgumentException e) {
        sink.skip(albumWhere, "album: " + e.getMessage() + "; its tracks are skipped too");
        continue;
      }
      sink.accept(new ImportRecord(albumWhere, List.of(artist), List.of(album), List.of()));
      for (XmlNode t : al.all("Tracks", "track")) {
        sink.rowRead();
        SourceRef trackWhere = SourceRef.of(f, t.line());
        try {
          Track track = track(t, artist.id(), album);
          sink.accept(
              new ImportRecord(trackWhere, List.of(artist), List.of(album), List.of(track)));
        } catch (IllegalArgumentException e) {
          sink.skip(trackWhere, "track: " + e.getMessage());
        }
      }
    }
  }

  private static Artist artist(XmlNode a) {
    long id = id(a, "artist");
    String name = required(a, "name", "artist " + id);
    String idstr = null;
    String url = a.get("url");
    if (url != null) {
      Matcher m = ARTIST_URL.matcher(url);
      if (m.find()) {
        idstr = m.group(1);
      }
    }
    List<Location> locations = new ArrayList<>();
    XmlNode loc = a.child("location");
    if (loc != null) {
      String country = loc.get("country");
      if (country != null && !country.matches("[A-Za-z]{3}")) {
        throw new IllegalArgumentException(
            "location country '" + country + "' is not an ISO 3166-1 alpha-3 code");
      }
      Location l =
          new Location(
              country == null ? null : country.toUpperCase(Locale.ROOT),
              loc.get("state"),
              loc.get("city"),
              decimal(loc, "latitude", -90, 90),
              decimal(loc, "longitude", -180, 180));
      if (!l.equals(new Location(null, null, null, null, null))) {
        locations.add(l);
      }
    }
    // No website: <url> is the artist's Jamendo page, not the artist's own website.
    return Artist.builder()
        .id(id)
        .name(name)
        .idstr(idstr)
        .image(a.get("image"))
        .externalIds(new ExternalIds(null, null, a.get("mbgid")))
        .locations(locations)
        .build();
  }

  private static Album album(XmlNode al, long artistId) {
    long id = id(al, "album");
    String name = required(al, "name", "album " + id);
    ReleaseDate date;
    try {
      date = ReleaseDate.parse(al.get("releasedate"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("album " + id + " releasedate: " + e.getMessage(), e);
    }
    String genre = Id3Genres.name(al.get("id3genre"));
    return Album.builder()
        .id(id)
        .name(name)
        .artistIds(List.of(artistId))
        .releaseDate(date)
        .externalIds(new ExternalIds(null, null, al.get("mbgid")))
        .tags(genre == null ? List.of() : List.of(genre))
        .build();
  }

  private static Track track(XmlNode t, long artistId, Album album) {
    long id = id(t, "track");
    String name = required(t, "name", "track " + id);
    Double seconds = decimal(t, "duration", 0, Double.MAX_VALUE);
    Integer position = null;
    String num = t.get("numalbum");
    if (num != null) {
      try {
        position = Integer.parseInt(num);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("numalbum is not a number: '" + num + "'", e);
      }
    }
    Set<Tag> tags = new LinkedHashSet<>();
    String genre = Id3Genres.name(t.get("id3genre"));
    if (genre != null) {
      tags.add(new Tag(Tag.GENRE, genre));
    }
    for (XmlNode tag : t.all("Tags", "tag")) {
      String idstr = tag.get("idstr");
      if (idstr != null) {
        tags.add(TagVocabulary.categorise(idstr));
      }
    }
    return Track.builder()
        .id(id)
        .name(name)
        .albumId(album.id())
        .position(position)
        .durationMs(seconds == null ? 0 : Math.round(seconds * 1000))
        .releaseDate(album.releaseDate())
        .licenseUrl(t.get("license"))
        .externalIds(new ExternalIds(null, null, t.get("mbgid")))
        .artistIds(List.of(artistId))
        .tags(List.copyOf(tags))
        .build();
  }

  private static long id(XmlNode n, String what) {
    String v = n.get("id");
    if (v == null) {
      throw new IllegalArgumentException("no <id>");
    }
    try {
      long id = Long.parseLong(v);
      if (id <= 0) {
        throw new IllegalArgumentException(what + " id must be positive: " + v);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " id is not a number: '" + v + "'", e);
    }
  }

  private static String required(XmlNode n, String field, String what) {
    String v = n.get(field);
    if (v == null) {
      throw new IllegalArgumentException(what + " has no <" + field + ">");
    }
    return v;
  }

  private static Double decimal(XmlNode n, String field, double min, double max) {
    String v = n.get(field);
    if (v == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= min && d <= max)) {
        throw new IllegalArgumentException(field + " out of range: " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number: '" + v + "'", e);
    }
  }
}

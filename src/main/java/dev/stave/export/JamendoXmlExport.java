package dev.stave.export;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Location;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.ingest.Id3Genres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code stave export jamendo-xml FILE}: the catalog in the layout of Jamendo's legacy dump {@code
 * <JamendoData>} (spec §12), which old players and scripts read and {@code stave import
 * jamendo-xml} reads back. Artists are read in keyset pages of {@value #PAGE}, each page's albums
 * and their tracks with it, and written as they come, so memory does not grow with the catalog.
 *
 * <p>The dump carries less than Stave stores, so what it has no element for is left out: the format
 * has no singles (tracks without an album are counted and reported, not written), no UUIDs, stats,
 * features, lyrics or descriptions, an album has no tags but one {@code id3genre}, and a track's
 * release date is its album's. Tags are written so that a re-import gives them back in the same
 * category: a first genre tag with an ID3v1 name becomes {@code id3genre}, the rest are {@code
 * Tags/tag/idstr}, sorted into categories again by the importer's vocabulary (so a tag a {@code
 * jsonl} import stored in a category the vocabulary does not give it moves). A catalog imported
 * from a dump therefore exports to a dump that imports to the same catalog.
 */
@Component
public class JamendoXmlExport {
  static final int PAGE = 200;

  private final CatalogStore catalog;
  private final Clock clock;

  public JamendoXmlExport(CatalogStore catalog, ObjectProvider<Clock> clock) {
    this.catalog = catalog;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Called after each page of artists: tracks written so far and the catalog's total. */
  public interface Progress {
    void written(long tracks, long total);
  }

  /** Entities written, and tracks left out because the dump has no place for singles. */
  public record Result(long artists, long albums, long tracks, long singlesLeftOut) {}

  public Result export(Path file, Progress progress) throws IOException {
    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    long total = catalog.count(CatalogStore.TRACKS);
    long[] counts = new long[3];
    try (OutputStream raw = Files.newOutputStream(partial);
        OutputStream out = target.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("JamendoData");
      w.writeAttribute("epoch", String.valueOf(clock.instant().getEpochSecond()));
      w.writeAttribute("type", "artistalbumtrack");
      w.writeCharacters("\n");
      w.writeStartElement("Artists");
      w.writeCharacters("\n");
      long after = 0;
      while (true) {
        List<Artist> artists = catalog.readAfter(CatalogStore.ARTISTS, after, PAGE);
        if (artists.isEmpty()) {
          break;
        }
        writePage(w, artists, counts);
        after = artists.get(artists.size() - 1).id();
        progress.written(counts[2], total);
      }
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      Files.deleteIfExists(partial);
      throw new IOException("cannot write XML: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(counts[0], counts[1], counts[2], catalog.singles());
  }

  private void writePage(XMLStreamWriter w, List<Artist> artists, long[] counts)
      throws XMLStreamException {
    Map<Long, List<Album>> albumsByArtist = new LinkedHashMap<>();
    List<Long> albumIds = new ArrayList<>();
    for (Album al : catalog.albumsOfArtists(artists.stream().map(Artist::id).toList())) {
      albumsByArtist.computeIfAbsent(al.artistIds().get(0), k -> new ArrayList<>()).add(al);
      albumIds.add(al.id());
    }
    Map<Long, List<Track>> tracksByAlbum = new LinkedHashMap<>();
    for (Track t : catalog.tracksOfAlbums(albumIds)) {
      tracksByAlbum.computeIfAbsent(t.albumId(), k -> new ArrayList<>()).add(t);
    }
    for (Artist a : artists) {
      writeArtist(w, a, albumsByArtist.getOrDefault(a.id(), List.of()), tracksByAlbum, counts);
    }
  }

  private static void writeArtist(
      XMLStreamWriter w,
      Artist a,
      List<Album> albums,
      Map<Long, List<Track>> tracksByAlbum,
      long[] counts)
      throws XMLStreamException {
    w.writeStartElement("artist");
    element(w, "id", String.valueOf(a.id()));
    element(w, "name", a.name());
    element(w, "url", a.idstr() == null ? "" : "http://www.jamendo.com/artist/" + a.idstr());
    element(w, "image", a.image());
    element(w, "mbgid", a.externalIds().musicbrainzId());
    if (!a.locations().isEmpty()) {
      Location l = a.locations().get(0);
      w.writeStartElement("location");
      element(w, "country", l.country());
      element(w, "state", l.state());
      element(w, "city", l.city());
      element(w, "latitude", l.latitude() == null ? null : l.latitude().toString());
      element(w, "longitude", l.longitude() == null ? null : l.longitude().toString());
      w.writeEndElement();
    }
    w.writeStartElement("Albums");
    for (Album al : albums) {
      writeAlbum(w, al, tracksByAlbum.getOrDefault(al.id(), List.of()), counts);
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeCharacters("\n");
    counts[0]++;
  }

  private static void writeAlbum(XMLStreamWriter w, Album al, List<Track> tracks, long[] counts)
      throws XMLStreamException {
    w.writeStartElement("album");
    element(w, "id", String.valueOf(al.id()));
    element(w, "name", al.name());
    element(w, "url", "http://www.jamendo.com/album/" + al.id());
    element(w, "releasedate", al.releaseDate() == null ? null : al.releaseDate().asText());
    element(
        w,
        "id3genre",
        String.valueOf(al.tags().isEmpty() ? 0 : Id3Genres.number(al.tags().get(0))));
    element(w, "mbgid", al.externalIds().musicbrainzId());
    w.writeStartElement("Tracks");
    for (Track t : tracks) {
      writeTrack(w, t);
      counts[2]++;
    }
    w.writeEndElement();
    w.writeEndElement();
    counts[1]++;
  }

  private static void writeTrack(XMLStreamWriter w, Track t) throws XMLStreamException {
    w.writeStartElement("track");
    element(w, "id", String.valueOf(t.id()));
    element(w, "name", t.name());
    element(w, "duration", duration(t.durationMs()));
    element(w, "numalbum", t.position() == null ? null : t.position().toString());
    element(w, "mbgid", t.externalIds().musicbrainzId());
    List<Tag> tags = t.tags();
    int id3 = 0;
    if (!tags.isEmpty() && tags.get(0).category().equals(Tag.GENRE)) {
      id3 = Id3Genres.number(tags.get(0).name());
    }
    element(w, "id3genre", String.valueOf(id3));
    element(w, "license", t.licenseUrl());
    w.writeStartElement("Tags");
    for (Tag tag : id3 == 0 ? tags : tags.subList(1, tags.size())) {
      w.writeStartElement("tag");
      element(w, "idstr", tag.name());
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  /** Seconds, with the milliseconds only when there are any ({@code 40}, {@code 40.5}). */
  private static String duration(long ms) {
    if (ms % 1000 == 0) {
      return String.valueOf(ms / 1000);
    }
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("0+$", "");
  }

  /** An element with text; nothing at all for null or blank, which the importer reads as absent. */
  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    if (text == null || text.isBlank()) {
      return;
    }
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}

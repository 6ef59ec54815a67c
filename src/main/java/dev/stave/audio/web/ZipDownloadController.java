package dev.stave.audio.web;

import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFormat;
import dev.stave.audio.Renditions;
import dev.stave.audio.TrackAudio;
import dev.stave.audio.UrlSigner;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.Playlist;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Album and playlist downloads as one zip of {@code mp32} files: {@code GET
 * /audio/album/{id}/mp32/zip} and {@code /audio/playlist/{id}/mp32/zip}, signed like the track URLs
 * ({@link UrlSigner}).
 *
 * <p>The zip is written to the response as it is built, one STORED entry per track (MP3 does not
 * compress further), so memory stays constant and the first bytes leave before the last track is
 * read; there is no {@code Content-Length} and no range support. Entries are named {@code "NN -
 * Artist - Title.mp3"} in album order (disc, position) or playlist order. An album whose {@code
 * zip_allowed} is false, or a playlist whose {@code zipAllowed} is false, answers 404; tracks that
 * may not be downloaded or have no audio file are left out (404 when none is left). A playlist zip
 * holds at most its first {@value #PLAYLIST_MAX} such tracks, as Jamendo's. A track whose transcode
 * fails while the zip is being written is left out and logged (the status line is already sent).
 */
@Controller
public class ZipDownloadController {
  /** The most tracks a playlist zip holds, as Jamendo's. */
  public static final int PLAYLIST_MAX = 100;

  private static final Logger log = LoggerFactory.getLogger(ZipDownloadController.class);

  private final CatalogStore store;
  private final EntityCache entities;
  private final LibraryStore library;
  private final TrackAudio audio;
  private final UrlSigner signer;

  public ZipDownloadController(
      CatalogStore store,
      EntityCache entities,
      LibraryStore library,
      TrackAudio audio,
      UrlSigner signer) {
    this.store = store;
    this.entities = entities;
    this.library = library;
    this.audio = audio;
    this.signer = signer;
  }

  @GetMapping("/audio/album/{id}/mp32/zip")
  public void album(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (refused(request, response)) {
      return;
    }
    Optional<Album> album = number(id).flatMap(this::album);
    if (album.isEmpty() || !album.get().zipAllowed()) {
      refuse(album, response, "album");
      return;
    }
    List<Track> tracks =
        new ArrayList<>(entities.tracks(store.trackIdsOfAlbums(List.of(album.get().id()))));
    tracks.sort(TrackAudio.ALBUM_ORDER);
    String artist =
        entities.artists(List.of(album.get().primaryArtistId())).stream()
            .map(Artist::name)
            .findFirst()
            .orElse("");
    write(tracks, Integer.MAX_VALUE, artist + " - " + album.get().name(), response);
  }

  @GetMapping("/audio/playlist/{id}/mp32/zip")
  public void playlist(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (refused(request, response)) {
      return;
    }
    Optional<Playlist> playlist =
        number(id).flatMap(n -> library.playlists(List.of(n)).stream().findFirst());
    if (playlist.isEmpty() || !playlist.get().zipAllowed()) {
      refuse(playlist, response, "playlist");
      return;
    }
    write(
        entities.tracks(playlist.get().trackIds()), PLAYLIST_MAX, playlist.get().name(), response);
  }

  private Optional<Album> album(long id) {
    return entities.albums(List.of(id)).stream().findFirst();
  }

  /** Answers 403 when the request's signature does not verify. */
  private boolean refused(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (signer.verify(request)) {
      return false;
    }
    AudioStreamController.plain(response, 403, UrlSigner.REFUSED);
    return true;
  }

  private static Optional<Long> number(String id) {
    return id.matches("\\d{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
  }

  private static void refuse(Optional<?> found, HttpServletResponse response, String kind)
      throws IOException {
    AudioStreamController.plain(
        response,
        404,
        found.isEmpty() ? "no such " + kind : "this " + kind + " may not be downloaded");
  }

  /** An entry of the zip: the track and its file. */
  private record Entry(Track track, TrackAudio.Source source) {}

  private void write(List<Track> tracks, int max, String name, HttpServletResponse response)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Track t : tracks) {
      if (entries.size() >= max) {
        break;
      }
      if (t.flags().downloadAllowed()) {
        audio.source(t.id()).ifPresent(s -> entries.add(new Entry(t, s)));
      }
    }
    if (entries.isEmpty()) {
      AudioStreamController.plain(response, 404, "nothing here may be downloaded");
      return;
    }
    Map<Long, String> artists = new HashMap<>();
    entities
        .artists(entries.stream().map(e -> e.track().primaryArtistId()).distinct().toList())
        .forEach(a -> artists.put(a.id(), a.name()));
    String zipName = AudioStreamController.safeName(name);
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename((zipName.isEmpty() ? "download" : zipName) + ".zip", StandardCharsets.UTF_8)
            .build()
            .toString());
    int width = Math.max(2, Integer.toString(entries.size()).length());
    try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
      int n = 0;
      for (Entry e : entries) {
        Renditions.Lease file;
        try {
          file = audio.rendition(e.source(), AudioFormat.MP32);
        } catch (AudioException ex) {
          log.warn("zip {}: track {} left out: {}", name, e.track().id(), ex.getMessage());
          continue;
        }
        n++;
        String title =
            String.format("%0" + width + "d", n)
                + " - "
                + artists.getOrDefault(e.track().primaryArtistId(), "")
                + " - "
                + e.track().name();
        try (file) {
          add(zip, AudioStreamController.safeName(title) + ".mp3", file.path());
        }
      }
    } catch (IOException e) {
      // The client went away mid-zip: nothing to answer any more.
      log.debug("zip {}: not finished: {}", name, e.getMessage());
    }
  }

  /** Adds {@code file} uncompressed: STORED needs its size and CRC before its bytes. */
  private static void add(ZipOutputStream zip, String entryName, Path file) throws IOException {
    // One open file for both passes (the rendition is leased, so not evicted meanwhile).
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      CRC32 crc = new CRC32();
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      long size = 0;
      int r;
      while ((r = channel.read(buf)) > 0) {
        buf.flip();
        crc.update(buf);
        buf.clear();
        size += r;
      }
      ZipEntry entry = new ZipEntry(entryName);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(size);
      entry.setCompressedSize(size);
      entry.setCrc(crc.getValue());
      entry.setLastModifiedTime(Files.getLastModifiedTime(file));
      zip.putNextEntry(entry);
      channel.position(0);
      Channels.newInputStream(channel).transferTo(zip);
      zip.closeEntry();
    }
  }
}

package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.CatalogFixtures;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryTables;
import dev.stave.library.Playlist;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /audio/album/{id}/mp32/zip} and {@code /audio/playlist/{id}/mp32/zip} over HTTP: entry
 * names and order, transcoded and original entries, the download flags, the playlist cap, and
 * signatures.
 */
class ZipDownloadTest extends AudioHttpTest {
  private static Map<String, Track> byName;
  private static long album;
  private static long lockedAlbum;

  @BeforeEach
  void library() throws Exception {
    if (byName != null) {
      return;
    }
    Path music = tmp.resolve("music");
    Map<String, String> ana = Map.of("artist", "Ana", "album", "Songs");
    TestAudio.write(music.resolve("Ana/Songs/02 Two.flac"), TestAudio.tone(1, 330), ana, null);
    TestAudio.write(music.resolve("Ana/Songs/01 One.mp3"), TestAudio.tone(1, 440), ana, null);
    TestAudio.write(music.resolve("Ana/Songs/03 Three.mp3"), TestAudio.tone(1, 550), ana, null);
    TestAudio.write(
        music.resolve("Bo/Locked/01 Kept.mp3"),
        TestAudio.tone(1, 660),
        Map.of("artist", "Bo", "album", "Locked"),
        null);
    byName = scanByName(music);
    album = byName.get("One").albumId();
    lockedAlbum = byName.get("Kept").albumId();
    Album locked = store.findAlbums(List.of(lockedAlbum)).get(0);
    // Three may not be downloaded; Four is in the album but has no audio file.
    Track three = byName.get("Three");
    Track four = copy(three, store.allocateIds("tracks", 1), "Four", 4, true);
    store.write(
        new CatalogBatch(
            List.of(),
            List.of(lockedCopy(locked)),
            List.of(copy(three, three.id(), "Three", 3, false), four)));
    byName.put("Four", four);
  }

  private static Track copy(Track t, long id, String name, int position, boolean download) {
    return CatalogFixtures.copy(t, id, name, t.albumId(), position, download);
  }

  private static Album lockedCopy(Album a) {
    return new Album(
        a.id(),
        a.uuid(),
        a.name(),
        a.artistIds(),
        a.releaseDate(),
        a.label(),
        a.albumType(),
        a.upc(),
        a.ean(),
        a.image(),
        false,
        a.externalIds(),
        a.popularity(),
        a.descriptions(),
        a.tags());
  }

  private HttpResponse<byte[]> signedGet(String path) throws Exception {
    return get(signed(path));
  }

  /** The entries of a zip, by name in order, with their bytes. */
  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private Path original(String track) {
    return files.forTrack(byName.get(track).id()).orElseThrow().path();
  }

  @Test
  void anAlbumZipHoldsItsDownloadableTracksInOrderAsMp32() throws Exception {
    HttpResponse<byte[]> r = signedGet("/audio/album/" + album + "/mp32/zip");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .contains("Ana - Songs.zip");
    Map<String, byte[]> entries = unzip(r.body());
    assertThat(entries.keySet()).containsExactly("01 - Ana - One.mp3", "02 - Ana - Two.mp3");
    // An MP3 goes in as it is; the FLAC is transcoded to MP3.
    assertThat(entries.get("01 - Ana - One.mp3")).isEqualTo(Files.readAllBytes(original("One")));
    Path two = Files.write(tmp.resolve("two.mp3"), entries.get("02 - Ana - Two.mp3"));
    assertThat(TestAudio.ffmpeg().probeJson(two)).contains("\"codec_name\": \"mp3\"");
  }

  @Test
  void aPlaylistZipFollowsThePlaylistAndItsFlag() throws Exception {
    long one = byName.get("One").id();
    long two = byName.get("Two").id();
    long three = byName.get("Three").id();
    long kept = byName.get("Kept").id();
    store.write(
        LibraryTables.PLAYLISTS,
        List.of(
            new Playlist(900, null, "Mix/Road", null, null, true, List.of(kept, three, two, one)),
            new Playlist(901, null, "Closed", null, null, false, List.of(one))));
    HttpResponse<byte[]> r = signedGet("/audio/playlist/900/mp32/zip");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("Mix_Road.zip");
    assertThat(unzip(r.body()).keySet())
        .containsExactly("01 - Bo - Kept.mp3", "02 - Ana - Two.mp3", "03 - Ana - One.mp3");
    assertThat(signedGet("/audio/playlist/901/mp32/zip").statusCode()).isEqualTo(404);
    assertThat(signedGet("/audio/playlist/999/mp32/zip").statusCode()).isEqualTo(404);
  }

  @Test
  void aPlaylistZipStopsAtOneHundredTracks() throws Exception {
    Track one = byName.get("One");
    Path links = tmp.resolve("music/links");
    Files.createDirectories(links);
    AudioFile master = files.forTrack(one.id()).orElseThrow();
    long first = store.allocateIds("tracks", 105);
    List<Track> tracks = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      long id = first + i;
      tracks.add(CatalogFixtures.copy(one, id, "Copy " + i, null, i + 1, true));
      ids.add(id);
    }
    store.write(new CatalogBatch(List.of(), List.of(), tracks));
    for (int i = 0; i < 105; i++) {
      Path link = Files.createSymbolicLink(links.resolve(i + ".mp3"), master.path());
      files.save(
          new AudioFile(
              link,
              master.size(),
              master.mtimeMs(),
              master.contentHash(),
              first + i,
              false,
              master.durationMs(),
              master.codec(),
              master.container(),
              master.bitrateKbps(),
              master.sampleRate(),
              master.channels(),
              false,
              true));
    }
    store.write(
        LibraryTables.PLAYLISTS, List.of(new Playlist(902, null, "Long", null, null, true, ids)));
    Map<String, byte[]> entries = unzip(signedGet("/audio/playlist/902/mp32/zip").body());
    assertThat(entries).hasSize(dev.stave.audio.web.ZipDownloadController.PLAYLIST_MAX);
    assertThat(entries.keySet()).first().isEqualTo("001 - Ana - Copy 0.mp3");
    assertThat(entries.keySet()).last().isEqualTo("100 - Ana - Copy 99.mp3");
  }

  @Test
  void lockedAlbumsUnknownIdsAndUnsignedUrlsAreRefused() throws Exception {
    assertThat(signedGet("/audio/album/" + lockedAlbum + "/mp32/zip").statusCode()).isEqualTo(404);
    assertThat(signedGet("/audio/album/424242/mp32/zip").statusCode()).isEqualTo(404);
    String path = "/audio/album/" + album + "/mp32/zip";
    assertThat(get(path).statusCode()).isEqualTo(403);
    String other = "/audio/playlist/" + album + "/mp32/zip";
    assertThat(get(other + "?" + signer.query(path)).statusCode()).isEqualTo(403);
  }
}

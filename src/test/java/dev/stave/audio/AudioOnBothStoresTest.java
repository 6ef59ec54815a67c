package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.Track;
import dev.stave.ingest.scan.LibraryScanner;
import dev.stave.ingest.scan.ScanReport;
import dev.stave.testsupport.StoreKind;
import dev.stave.testsupport.TestDatabase;
import dev.stave.testsupport.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Scan, rescan and streaming on SQLite and on PostgreSQL, with the audio root given by
 * configuration ({@code stave.audio.roots}), not on a command line: a bare scan scans it, its files
 * are served over HTTP, and a link inside it to a file outside is neither scanned nor served.
 */
class AudioOnBothStoresTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void configuredRootIsScannedRescannedAndServed(StoreKind kind) throws Exception {
    Path music = tmp.resolve("music");
    Path album = music.resolve("Ana/Album");
    TestAudio.write(
        album.resolve("01 Tone.mp3"),
        TestAudio.tone(2, 440),
        Map.of("title", "Tone", "artist", "Ana", "album", "Album"),
        null);
    TestAudio.write(
        album.resolve("02 Noise.flac"),
        TestAudio.noise(1),
        Map.of("title", "Noise", "artist", "Ana", "album", "Album"),
        null);
    Path secret =
        TestAudio.write(
            tmp.resolve("elsewhere/secret.mp3"),
            TestAudio.tone(1, 880),
            Map.of("title", "Secret"),
            null);
    Files.createSymbolicLink(album.resolve("03 Link.mp3"), secret);

    TestDatabase db = TestDatabases.create(kind, Files.createDirectories(tmp.resolve("data")));
    try (AudioServer server = new AudioServer(db, Map.of("stave.audio.roots", music.toString()))) {
      LibraryScanner scanner = server.bean(LibraryScanner.class);
      AudioFileStore files = server.bean(AudioFileStore.class);
      CatalogStore store = server.bean(CatalogStore.class);

      ScanReport first = scanner.scan(List.of(), LibraryScanner.Options.defaults());
      assertThat(first.completed()).isTrue();
      assertThat(first.added()).isEqualTo(2);
      assertThat(first.waveforms()).isEqualTo(2);
      assertThat(first.problems())
          .anySatisfy(p -> assertThat(p.reason()).contains("outside the audio roots"));
      // Configuration, not memory: dropping the root from stave.audio.roots stops serving it.
      assertThat(files.rememberedRoots()).isEmpty();
      long tone = trackOf(files, "01 Tone.mp3");
      long noise = trackOf(files, "02 Noise.flac");

      byte[] mp3 = Files.readAllBytes(album.resolve("01 Tone.mp3"));
      HttpResponse<byte[]> original = server.getSigned("/audio/track/" + tone + "/mp32");
      assertThat(original.statusCode()).isEqualTo(200);
      assertThat(original.body()).isEqualTo(mp3);
      HttpResponse<byte[]> range =
          server.getSigned("/audio/track/" + tone + "/mp32", "Range", "bytes=100-199");
      assertThat(range.statusCode()).isEqualTo(206);
      assertThat(range.body()).isEqualTo(Arrays.copyOfRange(mp3, 100, 200));
      HttpResponse<byte[]> ogg = server.getSigned("/audio/track/" + noise + "/ogg");
      assertThat(ogg.statusCode()).isEqualTo(200);
      assertThat(new String(ogg.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");

      // Edit one file, move the other: a rescan updates the first track and keeps the second.
      TestAudio.write(
          album.resolve("01 Tone.mp3"),
          TestAudio.tone(3, 440),
          Map.of("title", "Tone (edit)", "artist", "Ana", "album", "Album"),
          null);
      Path moved = music.resolve("Ana/Other/02 Noise.flac");
      Files.createDirectories(moved.getParent());
      Files.move(album.resolve("02 Noise.flac"), moved);
      ScanReport second = scanner.scan(List.of(), LibraryScanner.Options.defaults());
      assertThat(second.updated()).isEqualTo(1);
      assertThat(second.moved()).isEqualTo(1);
      assertThat(second.added()).isZero();
      assertThat(store.findTracks(List.of(tone)).get(0).name()).isEqualTo("Tone (edit)");
      assertThat(files.forTrack(noise).orElseThrow().path()).isEqualTo(moved.toRealPath());
      assertThat(server.getSigned("/audio/track/" + tone + "/mp32").body())
          .isEqualTo(Files.readAllBytes(album.resolve("01 Tone.mp3")));
      assertThat(server.getSigned("/audio/track/" + noise + "/flac").body())
          .isEqualTo(Files.readAllBytes(moved));

      // A deleted file: its track stays, without audio.
      Files.delete(album.resolve("01 Tone.mp3"));
      ScanReport third = scanner.scan(List.of(), LibraryScanner.Options.defaults());
      assertThat(third.deleted()).isEqualTo(1);
      List<Track> kept = store.findTracks(List.of(tone));
      assertThat(kept).hasSize(1);
      assertThat(server.getSigned("/audio/track/" + tone + "/mp32").statusCode()).isEqualTo(404);
    } finally {
      TestDatabases.drop(db);
    }
  }

  private static long trackOf(AudioFileStore files, String fileName) {
    return files.all().values().stream()
        .filter(f -> f.path().getFileName().toString().equals(fileName))
        .findFirst()
        .orElseThrow()
        .trackId();
  }
}

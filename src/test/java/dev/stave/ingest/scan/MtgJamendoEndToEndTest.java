package dev.stave.ingest.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.audio.TestAudio;
import dev.stave.ingest.CliRun;
import dev.stave.testsupport.RealData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MTG-Jamendo end to end, the way an operator goes: short generated clips written at the {@code
 * PATH}s of whole albums of real MTG rows ({@code ../shared/data/jamendo/}), the real TSVs imported
 * with that audio root, {@code stave analyze --missing}, then a server on the data directory. Over
 * HTTP, the linked tracks stream in all four formats, download, zip by album, carry a waveform and
 * show their analysed features in ReccoBeats {@code audio-features} and Jamendo {@code musicinfo};
 * every other track answers with empty audio URLs. Without the shared data the same runs on a
 * generated MTG-like TSV, and says so.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MtgJamendoEndToEndTest {
  /** Clips written: whole albums until at least this many tracks. */
  static final int CLIPS = 60;

  static final double CLIP_SECONDS = 5;

  @TempDir static Path tmp;
  static final Map<Long, Long> linkedAlbumOf = new LinkedHashMap<>();
  static long unlinked;
  static CliRun imported;

  @LocalServerPort int port;
  @Autowired AppRegistry apps;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> tmp.resolve("data").toString());
  }

  /** One MTG row: track, album, PATH. */
  record Row(long track, long album, String path) {}

  @BeforeAll
  static void importedAndAnalysed() throws Exception {
    Path data = tmp.resolve("data");
    Path audio = tmp.resolve("mtg-mp3");
    List<Path> inputs;
    if (RealData.file(RealData.MTG_GENRE).isPresent()) {
      inputs =
          List.of(
              RealData.require(RealData.MTG_GENRE),
              RealData.require(RealData.MTG_MOODTHEME),
              RealData.require("jamendo/mtg-jamendo_autotagging_instrument.tsv.gz"),
              RealData.require("jamendo/jamendo_ds_max5000.csv.gz"));
    } else {
      System.out.println(
          "MtgJamendoEndToEndTest: "
              + RealData.missing(RealData.MTG_GENRE)
              + "; running on a generated MTG-like TSV instead");
      inputs = List.of(generatedTsv(tmp.resolve("autotagging_genre.tsv")));
    }
    List<Row> rows = wholeAlbums(inputs.get(0), CLIPS);
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      List<Future<Path>> writes = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        int hz = 220 + 7 * i; // distinct content: a copy would be linked as a duplicate
        writes.add(
            pool.submit(
                () ->
                    TestAudio.write(
                        audio.resolve(r.path()), beat(CLIP_SECONDS, hz), Map.of(), null)));
        linkedAlbumOf.put(r.track(), r.album());
      }
      for (Future<Path> f : writes) {
        f.get();
      }
    }
    System.out.printf(
        "MtgJamendoEndToEndTest: %d clips written in %.1f s%n",
        rows.size(), (System.nanoTime() - started) / 1e9);

    List<String> args =
        new ArrayList<>(
            List.of("import", "mtg-jamendo", "--audio-root", audio.toString(), "--no-progress"));
    inputs.forEach(p -> args.add(p.toString()));
    args.addAll(List.of("--data", data.toString()));
    started = System.nanoTime();
    imported = CliRun.of(args.toArray(String[]::new));
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
    System.out.printf(
        "MtgJamendoEndToEndTest: import + link in %.1f s%n", (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();
    CliRun analysed = CliRun.of("analyze", "--missing", "--data", data.toString(), "--no-progress");
    assertThat(analysed.exitCode()).as(analysed.out() + analysed.err()).isZero();
    System.out.printf(
        "MtgJamendoEndToEndTest: analyze --missing in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("stave.db"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id FROM tracks t WHERE NOT EXISTS"
                        + " (SELECT 1 FROM audio_files f WHERE f.track_id = t.id) ORDER BY id"
                        + " LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      unlinked = rs.getLong(1);
    }
  }

  @Test
  void theImportLinkedEveryClipAndReportedTheRest() {
    assertThat(imported.out())
        .containsPattern("linked +" + linkedAlbumOf.size() + "\\b")
        .containsPattern("already linked +0\\b");
  }

  @Test
  void linkedTracksStreamDownloadZipAndCarryWaveformAndFeatures() throws Exception {
    String client = apps.create("mtg end to end").clientId();
    long track = linkedAlbumOf.keySet().iterator().next();
    long album = linkedAlbumOf.get(track);
    JsonNode t =
        json("/v3.0/tracks/?client_id=" + client + "&id=" + track + "&include=musicinfo")
            .get("results")
            .get(0);
    for (String format : List.of("mp31", "mp32", "ogg", "flac")) {
      JsonNode withFormat =
          json("/v3.0/tracks/?client_id=" + client + "&id=" + track + "&audioformat=" + format)
              .get("results")
              .get(0);
      HttpResponse<byte[]> stream = fetch(withFormat.get("audio").asString());
      assertThat(stream.statusCode()).as(format).isEqualTo(200);
      assertThat(magic(stream.body())).as(format).isIn(expectedMagic(format));
    }
    HttpResponse<byte[]> download = fetch(t.get("audiodownload").asString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    HttpResponse<byte[]> zipRedirect =
        get("/v3.0/albums/file/?client_id=" + client + "&id=" + album);
    assertThat(zipRedirect.statusCode()).isEqualTo(302);
    HttpResponse<byte[]> zip = fetch(zipRedirect.headers().firstValue("Location").orElseThrow());
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(new String(zip.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

    JsonNode peaks = JsonMapper.builder().build().readTree(t.get("waveform").asString());
    assertThat(peaks.get("peaks").size()).isPositive();
    assertThat(t.get("musicinfo").get("speed").asString()).isNotEmpty();

    JsonNode features = json("/v1/track/" + uuidOf(track) + "/audio-features");
    assertThat(features.get("tempo").isNumber()).as(features.toString()).isTrue();
    assertThat(features.get("energy").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void tracksWithoutAudioAnswerWithEmptyUrls() throws Exception {
    String client = apps.create("mtg end to end, no audio").clientId();
    JsonNode t =
        json("/v3.0/tracks/?client_id=" + client + "&id=" + unlinked).get("results").get(0);
    assertThat(t.get("audio").asString()).isEmpty();
    assertThat(t.get("audiodownload").asString()).isEmpty();
    assertThat(get("/v3.0/tracks/file/?client_id=" + client + "&id=" + unlinked).statusCode())
        .isEqualTo(404);
  }

  private String uuidOf(long track) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/stave.db"));
        ResultSet rs =
            c.createStatement().executeQuery("SELECT uuid FROM tracks WHERE id = " + track)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** A tone pulsing at 120 BPM (a pure tone has no tempo, so no Jamendo speed). */
  static String beat(double seconds, int hz) {
    return "aevalsrc=exprs=sin(2*PI*" + hz + "*t)*lt(mod(t\\,0.5)\\,0.1):d=" + seconds;
  }

  private static List<String> expectedMagic(String format) {
    return switch (format) {
      case "ogg" -> List.of("OggS");
      case "flac" -> List.of("fLaC");
      default -> List.of("ID3", "mp3 frame");
    };
  }

  private static String magic(byte[] b) {
    String head = new String(b, 0, Math.min(4, b.length), StandardCharsets.ISO_8859_1);
    if (head.startsWith("ID3")) {
      return "ID3";
    }
    if (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0) {
      return "mp3 frame";
    }
    return head;
  }

  private JsonNode json(String pathAndQuery) throws Exception {
    HttpResponse<byte[]> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(200);
    return JsonMapper.builder().build().readTree(r.body());
  }

  /** An absolute URL the API handed out, fetched from this server (its path and query). */
  private HttpResponse<byte[]> fetch(String url) throws Exception {
    assertThat(url).isNotEmpty();
    URI u = URI.create(url);
    return get(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
  }

  private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Rows of whole albums, in file order, until at least {@code min} tracks: an album zip then holds
   * every track of its album.
   */
  static List<Row> wholeAlbums(Path tsv, int min) throws Exception {
    Map<Long, List<Row>> byAlbum = new LinkedHashMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                tsv.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(tsv))
                    : Files.newInputStream(tsv),
                StandardCharsets.UTF_8))) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t");
        long album = Long.parseLong(f[2].substring("album_".length()));
        byAlbum
            .computeIfAbsent(album, k -> new ArrayList<>())
            .add(new Row(Long.parseLong(f[0].substring("track_".length())), album, f[3]));
      }
    }
    List<Row> out = new ArrayList<>();
    for (List<Row> album : byAlbum.values()) {
      if (out.size() >= min) {
        break;
      }
      out.addAll(album);
    }
    return out;
  }

  /** An MTG-like genre TSV: 12 albums of 5 tracks with audio to come, 40 more tracks without. */
  static Path generatedTsv(Path out) throws Exception {
    StringBuilder b = new StringBuilder("TRACK_ID\tARTIST_ID\tALBUM_ID\tPATH\tDURATION\tTAGS\n");
    for (int i = 0; i < 100; i++) {
      long track = 1000 + i;
      b.append(
          String.format(
              "track_%07d\tartist_%06d\talbum_%06d\t%02d/%d.mp3\t%.1f\tgenre---rock%n",
              track, 1 + i / 20, 1 + i / 5, track % 100, track, CLIP_SECONDS));
    }
    return Files.writeString(out, b.toString());
  }
}

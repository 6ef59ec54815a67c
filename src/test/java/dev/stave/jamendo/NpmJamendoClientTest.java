package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.TestAudio;
import dev.stave.testsupport.CommandRun;
import dev.stave.testsupport.RequiredTool;
import dev.stave.testsupport.StaveProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party Jamendo client against Stave: the npm package {@code jamendo} (Vincent Lark's
 * node-jamendo, pinned to {@value #VERSION}), whose own tests ask the real API for track 245 and
 * album 33 and their files. Here they ask a real {@code stave serve} on loopback, whose catalog was
 * imported from a Jamendo XML dump with the MP3s in a folder named by track id ({@code 245.mp3}),
 * linked by {@code stave scan}. The node script makes the calls and assertions of the package's
 * {@code tests.js} (tracks, tracks_file with a callback and through a pipe, albums, albums_file,
 * artists); this test then checks the piped bytes: an ID3-tagged MP3 and a zip of the album's MP3s.
 *
 * <p>The dump is generated, in the layout of spec §12: {@code ../shared/data/jamendo} has no XML
 * dump (only the MTG-Jamendo TSVs and jamendo_ds, which have no album names), so the names are
 * those the package's tests expect of the real catalog (artist 5 "Both", album 33 "Simple
 * Exercice").
 *
 * <p>The client has no base-URL setting: its constructor builds {@code base_url} from {@code
 * protocol} and the fixed host {@code api.jamendo.com}; the script replaces that property, the one
 * change a user pointing it at Stave makes. Node and npm are test tools ({@link RequiredTool}:
 * skipped locally with a hint, failing under {@code CI=true}); so is the npm registry, which the
 * install needs (the package is cached under {@code target/npm-cache}).
 */
class NpmJamendoClientTest {
  static final String VERSION = "0.3.5";

  @TempDir Path work;

  @Test
  void theNpmJamendoClientDownloadsTrack245AndTheZipOfAlbum33() throws Exception {
    RequiredTool.require(missing("node"));
    RequiredTool.require(missing("npm"));

    Path data = work.resolve("data");
    Path mp3 = work.resolve("mp3");
    Path dump = Files.writeString(work.resolve("dbdump_artistalbumtrack.xml"), DUMP);
    for (int id : new int[] {245, 246}) {
      TestAudio.write(
          mp3.resolve(id + ".mp3"),
          TestAudio.tone(2, 300 + id),
          Map.of("title", "Track " + id, "artist", "Both", "album", "Simple Exercice"),
          null);
    }
    stave("import", "jamendo-xml", dump.toString(), "--data", data.toString(), "--no-progress");
    CommandRun scan = stave("scan", mp3.toString(), "--data", data.toString(), "--no-progress");
    assertThat(scan.out())
        .contains("linked      2  to catalog tracks")
        .containsPattern("by Jamendo id in the file name +2")
        .contains("tracks      created 0");
    String clientId = clientId(data);

    Path client = installClient();
    Path script = Files.writeString(client.resolve("stave-client.js"), SCRIPT);
    try (StaveProcess server =
        StaveProcess.start(work, "serve", "--port", "0", "--data", data.toString())) {
      Matcher serving =
          Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)")
              .matcher(
                  server.awaitLine(l -> l.contains("Stave is serving"), Duration.ofMinutes(2)));
      assertThat(serving.find()).isTrue();
      Run node =
          run(
              client,
              Duration.ofMinutes(1),
              "node",
              script.toString(),
              serving.group(1),
              clientId,
              work.toString());
      assertThat(node.exit()).as(node.output() + "\nserver:\n" + server.output()).isZero();
      assertThat(node.output())
          .contains(
              "answered tracks",
              "answered tracks_file",
              "piped tracks_file",
              "answered albums",
              "answered albums_file",
              "piped albums_file",
              "answered artists",
              "all assertions passed");
      server.stop(Duration.ofSeconds(30));
    }

    byte[] track = Files.readAllBytes(work.resolve("245.mp3"));
    assertThat(new String(track, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
    assertThat(track.length).isGreaterThan(10_000);
    List<String> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(work.resolve("33.zip"));
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.add(e.getName());
        assertThat(new String(zip.readNBytes(3), StandardCharsets.ISO_8859_1))
            .as(e.getName())
            .isEqualTo("ID3");
      }
    }
    assertThat(entries).hasSize(2).allMatch(n -> n.endsWith(".mp3"));
  }

  /** The package installed into a folder of its own, from the npm cache under target/. */
  private Path installClient() throws Exception {
    Path client = Files.createDirectories(work.resolve("client"));
    Path cache = Path.of("target", "npm-cache").toAbsolutePath();
    Run install =
        run(
            client,
            Duration.ofMinutes(3),
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--cache",
            cache.toString(),
            "jamendo@" + VERSION);
    if (install.exit() != 0) {
      RequiredTool.require(
          "npm could not install jamendo@"
              + VERSION
              + " (is the npm registry reachable?):\n"
              + install.output());
    }
    return client;
  }

  /** The client id of an app created on {@code data}. */
  private static String clientId(Path data) {
    CommandRun app = stave("apps", "create", "node-jamendo", "--data", data.toString());
    Matcher id = Pattern.compile("Client id: ([0-9a-f]{32})").matcher(app.out());
    assertThat(id.find()).as(app.out()).isTrue();
    return id.group(1);
  }

  private static CommandRun stave(String... args) {
    CommandRun r = CommandRun.of(args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  /** Why {@code tool} cannot run here, with how to install it; null when it can. */
  private static String missing(String tool) throws InterruptedException {
    String hint = tool + " is not installed (Debian: apt-get install nodejs npm)";
    try {
      Run r = run(Path.of("."), Duration.ofSeconds(30), tool, "--version");
      return r.exit() == 0 ? null : hint + ": " + r.output();
    } catch (IOException e) {
      return hint;
    }
  }

  record Run(int exit, String output) {}

  private static Run run(Path dir, Duration timeout, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("stave-npm", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " timed out:\n" + Files.readString(log));
      }
      return new Run(p.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Track 245 of album 33 by artist 5, as the package's tests expect them, and a second track so
   * the album's zip holds more than one file. Layout of spec §12 ({@code <JamendoData>}).
   */
  static final String DUMP =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <JamendoData epoch="1300000000" type="artistalbumtrack">
        <Artists>
          <artist>
            <id>5</id>
            <name>Both</name>
            <url>http://www.jamendo.com/artist/both</url>
            <image>http://img.jamendo.com/artists/b/both.jpg</image>
            <mbgid></mbgid>
            <location><country>FRA</country><state></state><city>Paris</city></location>
            <Albums>
              <album>
                <id>33</id>
                <name>Simple Exercice</name>
                <url>http://www.jamendo.com/album/33</url>
                <releasedate>2004-12-28T00:00:00+01:00</releasedate>
                <filename>Both - Simple Exercice</filename>
                <id3genre>32</id3genre>
                <mbgid></mbgid>
                <license_artwork>http://creativecommons.org/licenses/by-nc-sa/2.0/</license_artwork>
                <Tracks>
                  <track>
                    <id>245</id>
                    <name>Sinfonia</name>
                    <duration>2</duration>
                    <numalbum>1</numalbum>
                    <filename>01 - Both - Sinfonia</filename>
                    <mbgid></mbgid>
                    <id3genre>32</id3genre>
                    <license>http://creativecommons.org/licenses/by-nc-sa/2.0/</license>
                    <Tags><tag><idstr>classical</idstr><weight>1</weight></tag></Tags>
                  </track>
                  <track>
                    <id>246</id>
                    <name>Exercice</name>
                    <duration>2</duration>
                    <numalbum>2</numalbum>
                    <filename>02 - Both - Exercice</filename>
                    <mbgid></mbgid>
                    <id3genre>32</id3genre>
                    <license>http://creativecommons.org/licenses/by-nc-sa/2.0/</license>
                    <Tags></Tags>
                  </track>
                </Tracks>
              </album>
            </Albums>
          </artist>
        </Artists>
      </JamendoData>
      """;

  /**
   * The calls and assertions of the package's tests.js, pointed at Stave ({@code node
   * stave-client.js BASE CLIENT_ID OUT_DIR}); prints what answered, and exits 1 on the first failed
   * assertion or when a call never answers.
   */
  static final String SCRIPT =
      """
      const assert = require('assert');
      const fs = require('fs');
      const path = require('path');
      const Jamendo = require('jamendo');
      const [base, clientId, out] = process.argv.slice(2);

      const jamendo = new Jamendo({ client_id: clientId });
      // No setting for the host: the constructor fixes it to api.jamendo.com.
      jamendo.base_url = base + '/v3.0';

      const call = (name, fn) => new Promise((resolve, reject) => {
        fn((error, data) => {
          try {
            assert(!error, name + ': ' + error);
            assert(data !== undefined, name + ': no body');
            resolve(data);
          } catch (e) { reject(e); }
        });
      }).then(data => { console.log('answered ' + name); return data; });

      const pipe = (name, request, file) => new Promise((resolve, reject) => {
        request.on('error', reject)
          .on('response', r => { if (r.statusCode !== 200) reject(new Error(name + ': HTTP ' + r.statusCode)); })
          .pipe(fs.createWriteStream(path.join(out, file)))
          .on('finish', () => { console.log('piped ' + name); resolve(); })
          .on('error', reject);
      });

      (async () => {
        const tracks = await call('tracks', cb => jamendo.tracks({ id: 245 }, cb));
        assert(tracks.results.length === 1, JSON.stringify(tracks));
        assert(tracks.results[0].id === '245');
        assert(tracks.results[0].artist_id === '5');
        assert(tracks.results[0].album_id === '33');
        assert(tracks.results[0].artist_name === 'Both');
        assert(tracks.results[0].album_name === 'Simple Exercice');

        const mp3 = await call('tracks_file', cb => jamendo.tracks_file({ id: 245 }, cb));
        assert(mp3.length > 0);
        assert(mp3.substr(0, 3) === 'ID3', 'tracks_file: ' + String(mp3).substr(0, 200));
        await pipe('tracks_file', jamendo.tracks_file({ id: 245 }), '245.mp3');

        const albums = await call('albums', cb => jamendo.albums({ id: 33 }, cb));
        assert(albums.results.length === 1, JSON.stringify(albums));
        assert(albums.results[0].id === '33');
        assert(albums.results[0].artist_id === '5');
        assert(albums.results[0].artist_name === 'Both');
        assert(albums.results[0].name === 'Simple Exercice');

        const zip = await call('albums_file',
          cb => jamendo.albums_file({ id: 33, audioformat: 'mp32' }, cb));
        assert(zip.length > 0);
        assert(zip.substr(0, 2) === 'PK', 'albums_file: ' + String(zip).substr(0, 200));
        await pipe('albums_file', jamendo.albums_file({ id: 33, audioformat: 'mp32' }), '33.zip');

        const artists = await call('artists', cb => jamendo.artists({ id: 5 }, cb));
        assert(artists.results.length === 1, JSON.stringify(artists));
        assert(artists.results[0].id === '5');
        assert(artists.results[0].name === 'Both');
        console.log('all assertions passed');
      })().catch(e => { console.error('FAILED ' + (e && e.stack || e)); process.exit(1); });

      setTimeout(() => { console.error('FAILED: no answer within 50 s'); process.exit(1); }, 50000).unref();
      """;
}

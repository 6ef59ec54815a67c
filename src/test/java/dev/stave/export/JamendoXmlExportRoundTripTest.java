package dev.stave.export;

import static dev.stave.export.ServerReads.stave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.testsupport.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stave export jamendo-xml} writes the legacy dump layout (spec §12) that {@code stave
 * import jamendo-xml} reads back: a catalog imported from a dump (artists with locations, albums
 * with an ID3 genre, tracks with fractional durations, positions, licences, ID3 genres and tags of
 * all three categories) exports to a dump that imports into an empty data directory as the same
 * catalog: exporting the copy gives the same file (but for the epoch attribute), and Jamendo reads
 * answer the same on servers started on both directories. A demo catalog with singles exports every
 * album track and says how many singles the format has no place for.
 */
class JamendoXmlExportRoundTripTest {
  @TempDir Path work;

  static final String DUMP =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <JamendoData epoch="1300000000" type="artistalbumtrack"><Artists>
      <artist><id>7</id><name>Ensemble &amp; Co</name><url>http://www.jamendo.com/artist/ensemble_co</url>
        <image>http://img.example/7.jpg</image><mbgid>0383dadf-2a4e-4d10-a46a-e9e041da8eb3</mbgid>
        <location><country>PER</country><city>LIMA</city><latitude>-12.0464</latitude><longitude>-77.0428</longitude></location>
        <Albums>
          <album><id>33</id><name>Opus</name><releasedate>2005-03-15T10:00:00+01:00</releasedate><id3genre>32</id3genre>
            <Tracks>
              <track><id>245</id><name>Prelude</name><duration>120.5</duration><numalbum>1</numalbum><id3genre>32</id3genre>
                <license>http://creativecommons.org/licenses/by-sa/3.0/</license>
                <Tags><tag><idstr>piano</idstr></tag><tag><idstr>relaxing</idstr></tag><tag><idstr>ambient</idstr></tag></Tags></track>
              <track><id>246</id><name>Fugue</name><duration>61</duration><numalbum>2</numalbum><id3genre>0</id3genre>
                <Tags><tag><idstr>rock</idstr></tag><tag><idstr>Hip-Hop</idstr></tag></Tags></track>
            </Tracks></album>
          <album><id>34</id><name>Second</name><releasedate>2006</releasedate><id3genre>0</id3genre><Tracks>
              <track><id>247</id><name>Lone</name><duration>10</duration><id3genre>43</id3genre><Tags/></track>
          </Tracks></album>
        </Albums></artist>
      <artist><id>8</id><name>Solo</name><Albums/></artist>
      </Artists></JamendoData>
      """;

  private static String withoutEpoch(Path file) throws Exception {
    return Files.readString(file).replaceFirst("epoch=\"\\d+\"", "epoch=\"\"");
  }

  @Test
  void aDumpExportedAndImportedIntoAnEmptyDirectoryAnswersTheSame() throws Exception {
    Path a = work.resolve("a");
    Path b = work.resolve("b");
    Path dump = work.resolve("dump.xml");
    Files.writeString(dump, DUMP);
    stave("import", "jamendo-xml", dump.toString(), "--data", a.toString(), "--no-progress");

    Path exportA = work.resolve("a.xml");
    CommandRun out =
        stave("export", "jamendo-xml", exportA.toString(), "--data", a.toString(), "--no-progress");
    assertThat(out.out()).contains("Exported 2 artists, 2 albums and 3 tracks");
    stave("import", "jamendo-xml", exportA.toString(), "--data", b.toString(), "--no-progress");
    Path exportB = work.resolve("b.xml");
    stave("export", "jamendo-xml", exportB.toString(), "--data", b.toString(), "--no-progress");
    assertThat(withoutEpoch(exportB)).isEqualTo(withoutEpoch(exportA));

    List<String> answersA = ServerReads.answers(work, a, READS);
    List<String> answersB = ServerReads.answers(work, b, READS);
    ServerReads.assertSame(READS, answersA, answersB);
    // and the answers carry what the dump said
    assertThat(answersA.get(READS.indexOf(TRACK_245)))
        .contains("\"duration\":121") // 120.5 s, rounded as Jamendo does
        .contains("\"genres\":[\"ambient\",\"classical\"]")
        .contains("\"instruments\":[\"piano\"]")
        .contains("\"vartags\":[\"relaxing\"]");
  }

  @Test
  void singlesAreCountedNotWritten() throws Exception {
    Path demo = work.resolve("demo");
    stave("demo", "--tracks", "200", "--data", demo.toString());
    Path xml = work.resolve("demo.xml.gz");
    CommandRun out =
        stave("export", "jamendo-xml", xml.toString(), "--data", demo.toString(), "--no-progress");
    Matcher m =
        Pattern.compile("Exported (\\d+) artists, (\\d+) albums and (\\d+) tracks")
            .matcher(out.out());
    assertThat(m.find()).as(out.out()).isTrue();
    long written = Long.parseLong(m.group(3));
    Matcher singles = Pattern.compile("Left out (\\d+) tracks without an album").matcher(out.out());
    long left = singles.find() ? Long.parseLong(singles.group(1)) : 0;
    assertThat(written + left).isEqualTo(200);
    CommandRun imported =
        stave(
            "import",
            "jamendo-xml",
            xml.toString(),
            "--data",
            work.resolve("copy").toString(),
            "--no-progress");
    assertThat(imported.out()).containsPattern("tracks\\s+created " + written + "\\b");
  }

  static final String TRACK_245 =
      "/v3.0/tracks/?client_id=CID&id=245&include=licenses+musicinfo+stats+lyrics";

  static final List<String> READS =
      List.of(
          "/v3.0/artists/?client_id=CID&limit=200&order=id",
          "/v3.0/artists/locations/?client_id=CID&id=7",
          "/v3.0/artists/albums/?client_id=CID&id=7",
          "/v3.0/artists/tracks/?client_id=CID&id=7",
          "/v3.0/albums/?client_id=CID&limit=200&order=id",
          "/v3.0/albums/tracks/?client_id=CID&id=33",
          "/v3.0/albums/musicinfo/?client_id=CID&id=33",
          "/v3.0/tracks/?client_id=CID&limit=200&order=id&include=licenses+musicinfo+stats",
          TRACK_245,
          "/v3.0/tracks/?client_id=CID&tags=classical&order=id");
}

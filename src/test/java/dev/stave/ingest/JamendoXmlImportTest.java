package dev.stave.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.Location;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JamendoXmlImportTest {
  @TempDir Path dir;

  @Test
  void importsArtistsAlbumsTracksAndReportsMalformedItems() {
    Path data = dir.resolve("data");
    Path dump = Fixtures.resource("jamendo-dump.xml", dir);

    CliRun run = CliRun.importFiles("jamendo-xml", data, List.of(dump));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.count("artists", "created")).isEqualTo(2);
    assertThat(run.count("albums", "created")).isEqualTo(1);
    assertThat(run.count("tracks", "created")).isEqualTo(2);
    assertThat(run.skipped()).isEqualTo(3);
    assertThat(run.out())
        .contains("jamendo-dump.xml:49: track: track id is not a number: 'oops'")
        .contains("jamendo-dump.xml:56: album: album 5101 has no <name>; its tracks are skipped")
        .contains("jamendo-dump.xml:73: artist: no <id>");

    try (Catalog c = new Catalog(data)) {
      Artist a = c.store().findArtists(List.of(4100L)).get(0);
      assertThat(a.name()).isEqualTo("0/21");
      assertThat(a.idstr()).isEqualTo("0_21");
      assertThat(a.image()).isEqualTo("http://img.jamendo.com/artists/0/4100.jpg");
      assertThat(a.locations())
          .containsExactly(new Location("PER", null, "LIMA", -12.0464, -77.0428));
      assertThat(c.store().findArtists(List.of(7L)).get(0).externalIds().musicbrainzId())
          .isEqualTo("0383dadf-2a4e-4d10-a46a-e9e041da8eb3");
      Album album = c.store().findAlbums(List.of(5100L)).get(0);
      assertThat(album.releaseDate())
          .isEqualTo(new ReleaseDate(LocalDate.of(2009, 3, 15), ReleaseDate.Precision.DAY));
      assertThat(album.tags()).containsExactly("rock"); // ID3v1 genre 17
      Track t = c.store().findTracks(List.of(6101L)).get(0);
      assertThat(t.durationMs()).isEqualTo(40_500);
      assertThat(t.position()).isEqualTo(1);
      assertThat(t.albumId()).isEqualTo(5100L);
      assertThat(t.artistIds()).containsExactly(4100L);
      assertThat(t.licenseUrl()).isEqualTo("http://creativecommons.org/licenses/by-sa/3.0/");
      assertThat(t.releaseDate()).isEqualTo(album.releaseDate());
      assertThat(t.tags())
          .containsExactlyInAnyOrder(
              new Tag(Tag.GENRE, "punk"),
              new Tag(Tag.GENRE, "rock"),
              new Tag(Tag.MOOD, "energetic"));
      Track t2 = c.store().findTracks(List.of(6102L)).get(0);
      assertThat(t2.name()).isEqualTo("Lima de Noche & de Día");
      assertThat(t2.tags()).isEmpty(); // id3genre 0 means unknown
    }

    // The same dump gzipped, under a name without .gz: same catalog, nothing changes.
    CliRun gz = CliRun.importFiles("jamendo-xml", data, List.of(Fixtures.gzip(dump, "dump.bin")));
    assertThat(gz.exitCode()).isZero();
    assertThat(gz.count("tracks", "unchanged")).isEqualTo(2);
    assertThat(gz.count("tracks", "created")).isZero();
    assertThat(gz.count("tracks", "updated")).isZero();
    assertThat(gz.count("artists", "unchanged")).isEqualTo(2);
  }

  @Test
  void aTruncatedDumpKeepsWhatWasCompleteAndSaysWhereItBroke() throws IOException {
    Path data = dir.resolve("data");
    List<String> lines = Files.readAllLines(Fixtures.resource("jamendo-dump.xml", dir));
    Path truncated = Fixtures.write(dir, "truncated.xml", String.join("\n", lines.subList(0, 68)));

    CliRun run = CliRun.importFiles("jamendo-xml", data, List.of(truncated));
    assertThat(run.exitCode()).isZero();
    // The first artist was complete, the second was cut off inside <artist>.
    assertThat(run.count("tracks", "created")).isEqualTo(2);
    assertThat(run.count("artists", "created")).isEqualTo(1);
    assertThat(run.out()).contains("XML is not well-formed").contains("the rest of this file");
  }

  @Test
  void refusesAFileThatIsNotAJamendoDump() {
    Path other = Fixtures.write(dir, "other.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>");
    CliRun run = CliRun.importFiles("jamendo-xml", dir.resolve("data"), List.of(other));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("other.xml").contains("<JamendoData>");
  }
}

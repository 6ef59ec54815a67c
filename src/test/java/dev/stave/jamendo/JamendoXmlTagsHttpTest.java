package dev.stave.jamendo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.access.AppRegistry;
import dev.stave.catalog.Tag;
import dev.stave.cli.StaveCommand;
import dev.stave.testsupport.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
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

/**
 * The tags of a legacy XML dump reach a client's {@code musicinfo} in their Jamendo categories: a
 * dump is imported with {@code stave import jamendo-xml} before the server starts, and the tracks
 * are read back over HTTP. Track 245's {@code classical} is a genre, {@code piano} an instrument,
 * {@code relaxing} a vartag. With the shared data, a second track carries every tag of the
 * MTG-Jamendo vocabulary (genre, instrument and mood/theme files) and each must land in the
 * category MTG gives it; without it that track is not written and its test is skipped, saying so.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JamendoXmlTagsHttpTest {
  @TempDir static Path work;

  /** The MTG vocabulary by category, or empty without the shared data. */
  static Optional<List<Tag>> mtgVocabulary = Optional.empty();

  @BeforeAll
  static void importDump() throws IOException {
    Optional<Path> genre = RealData.file(RealData.MTG_GENRE);
    Optional<Path> instrument = RealData.file("jamendo/mtg-jamendo_autotagging_instrument.tsv.gz");
    Optional<Path> mood = RealData.file(RealData.MTG_MOODTHEME);
    if (genre.isPresent() && instrument.isPresent() && mood.isPresent()) {
      TreeSet<String> seen = new TreeSet<>();
      List<Tag> all = new ArrayList<>();
      for (Path f : List.of(genre.get(), instrument.get(), mood.get())) {
        RealData.mtgRows(f).stream()
            .flatMap(r -> r.tags().stream())
            .filter(t -> seen.add(t.category() + "/" + t.name()))
            .forEach(all::add);
      }
      mtgVocabulary = Optional.of(all);
    }
    StringBuilder everyTag = new StringBuilder();
    mtgVocabulary.ifPresent(
        tags ->
            tags.forEach(
                t -> everyTag.append("<tag><idstr>").append(t.name()).append("</idstr></tag>")));
    String dump =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <JamendoData epoch="1300000000" type="artistalbumtrack"><Artists><artist>
          <id>7</id><name>Both</name><url>http://www.jamendo.com/artist/both</url>
          <Albums><album><id>33</id><name>Opus</name><releasedate>2005-01-01</releasedate>
            <id3genre>32</id3genre>
            <Tracks>
              <track><id>245</id><name>Prelude</name><duration>120</duration>
                <numalbum>1</numalbum><id3genre>0</id3genre>
                <Tags>
                  <tag><idstr>classical</idstr><weight>0.9</weight></tag>
                  <tag><idstr>Piano</idstr><weight>0.5</weight></tag>
                  <tag><idstr>relaxing</idstr><weight>0.3</weight></tag>
                  <tag><idstr>Drum &amp; Bass</idstr><weight>0.1</weight></tag>
                  <tag><idstr>bass</idstr><weight>0.1</weight></tag>
                </Tags>
              </track>
              <track><id>246</id><name>Everything</name><duration>60</duration>
                <numalbum>2</numalbum><id3genre>9</id3genre>
                <Tags>%s</Tags>
              </track>
            </Tracks></album></Albums></artist></Artists></JamendoData>
        """
            .formatted(everyTag);
    Path file = work.resolve("dump.xml");
    Files.writeString(file, dump);
    int exit =
        StaveCommand.run(
            "import",
            "jamendo-xml",
            file.toString(),
            "--data",
            work.resolve("data").toString(),
            "--no-progress");
    assertThat(exit).isZero();
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stave.data-dir", () -> work.resolve("data").toString());
  }

  @LocalServerPort int port;
  @Autowired AppRegistry apps;

  private JsonNode tags(long track) throws Exception {
    String clientId = apps.create("xml tags " + track).clientId();
    JsonNode doc =
        new JamendoHttp(port).method("tracks", clientId, "&include=musicinfo&id=" + track);
    return doc.get("results").get(0).get("musicinfo").get("tags");
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void genresInstrumentsAndVartagsOfTheDumpAreSortedIntoTheirCategories() throws Exception {
    JsonNode tags = tags(245);
    assertThat(names(tags.get("genres"))).containsExactlyInAnyOrder("classical", "drum & bass");
    assertThat(names(tags.get("instruments"))).containsExactlyInAnyOrder("piano", "bass");
    assertThat(names(tags.get("vartags"))).containsExactly("relaxing");
  }

  @Test
  void everyMtgJamendoTagLandsInTheCategoryTheDataSetGivesIt() throws Exception {
    if (mtgVocabulary.isEmpty()) {
      System.out.println("SKIPPED: " + RealData.missing(RealData.MTG_GENRE));
    }
    Assumptions.assumeTrue(
        mtgVocabulary.isPresent(),
        RealData.missing(RealData.MTG_GENRE)
            + ": the MTG-Jamendo vocabulary check is skipped (the fixed tags are still tested)");
    JsonNode tags = tags(246);
    List<Tag> vocabulary = mtgVocabulary.orElseThrow();
    // id3genre 9 is Metal, which is also an MTG genre: one genre, not two.
    assertThat(names(tags.get("genres")))
        .containsExactlyInAnyOrderElementsOf(namesOf(vocabulary, Tag.GENRE));
    assertThat(names(tags.get("instruments")))
        .containsExactlyInAnyOrderElementsOf(namesOf(vocabulary, Tag.INSTRUMENT));
    assertThat(names(tags.get("vartags")))
        .containsExactlyInAnyOrderElementsOf(namesOf(vocabulary, Tag.MOOD));
  }

  private static List<String> namesOf(List<Tag> tags, String category) {
    return tags.stream().filter(t -> t.category().equals(category)).map(Tag::name).toList();
  }
}

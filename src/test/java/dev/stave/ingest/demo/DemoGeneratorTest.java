package dev.stave.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.MusicInfoRules;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {
  private static final int N = 50_000;
  private static final Distributions REAL = Distributions.bundled();

  private static List<Artist> artists;
  private static List<Album> albums;
  private static List<Track> tracks;

  @BeforeAll
  static void generate() {
    Catalog c = Catalog.of(new DemoGenerator(N, 42));
    artists = c.artists;
    albums = c.albums;
    tracks = c.tracks;
  }

  record Catalog(List<Artist> artists, List<Album> albums, List<Track> tracks) {
    static Catalog of(DemoGenerator gen) {
      List<Artist> ar = new ArrayList<>();
      List<Album> al = new ArrayList<>();
      List<Track> tr = new ArrayList<>();
      for (int b = 0; b < gen.batches().size(); b++) {
        CatalogBatch batch = gen.batch(b);
        ar.addAll(batch.artists());
        al.addAll(batch.albums());
        tr.addAll(batch.tracks());
      }
      return new Catalog(ar, al, tr);
    }
  }

  @Test
  void sameSeedAndSizeGiveIdenticalCatalogs() {
    Catalog again = Catalog.of(new DemoGenerator(N, 42));
    assertThat(again.tracks).isEqualTo(tracks);
    assertThat(again.albums).isEqualTo(albums);
    assertThat(again.artists).isEqualTo(artists);
  }

  @Test
  void batchesCanBeGeneratedOutOfOrder() {
    DemoGenerator gen = new DemoGenerator(N, 42);
    int last = gen.batches().size() - 1;
    CatalogBatch lastFirst = gen.batch(last);
    gen.batch(0);
    assertThat(new DemoGenerator(N, 42).batch(last)).isEqualTo(lastFirst);
  }

  @Test
  void differentSeedGivesDifferentCatalog() {
    Catalog other = Catalog.of(new DemoGenerator(N, 43));
    assertThat(other.tracks.get(0).uuid()).isNotEqualTo(tracks.get(0).uuid());
    assertThat(other.artists.get(0).name()).isNotEqualTo(artists.get(0).name());
    long sameNames =
        other.tracks.stream()
            .limit(1000)
            .filter(t -> t.name().equals(tracks.get((int) t.id() - 1).name()))
            .count();
    assertThat(sameNames).isLessThan(100);
  }

  @Test
  void hasExactlyNTracksWithDenseIdsAndUniqueUuids() {
    assertThat(tracks).hasSize(N);
    assertThat(tracks.get(0).id()).isEqualTo(1);
    assertThat(tracks.get(N - 1).id()).isEqualTo(N);
    assertThat(tracks.stream().map(Track::uuid).distinct().count()).isEqualTo(N);
    assertThat(new DemoGenerator(0, 42).batches()).isEmpty();
    assertThat(Catalog.of(new DemoGenerator(7, 42)).tracks).hasSize(7);
  }

  @Test
  void everyReferenceResolvesToAnEarlierOrSameBatchEntity() {
    Set<Long> artistIds = new HashSet<>();
    artists.forEach(a -> artistIds.add(a.id()));
    Set<Long> albumIds = new HashSet<>();
    albums.forEach(a -> albumIds.add(a.id()));
    // Plain loops: AssertJ's allSatisfy over 50,000 tracks costs seconds.
    List<String> problems = new ArrayList<>();
    for (Track t : tracks) {
      if (!artistIds.containsAll(t.artistIds())) {
        problems.add("track " + t.id() + " names an unknown artist");
      }
      if (new HashSet<>(t.artistIds()).size() != t.artistIds().size()) {
        problems.add("track " + t.id() + " names an artist twice");
      }
      if (t.albumId() != null && !albumIds.contains(t.albumId())) {
        problems.add("track " + t.id() + " names an unknown album");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void catalogShapeLooksLikeJamendo() {
    long singles = tracks.stream().filter(t -> t.albumId() == null).count();
    assertThat(singles).as("singles without album").isBetween(N / 50L, N / 5L);
    long multiArtist = tracks.stream().filter(t -> t.artistIds().size() > 1).count();
    assertThat(multiArtist / (double) N).isCloseTo(DemoGenerator.COLLABORATION_SHARE, within(0.01));
    Map<Long, Long> albumsPerArtist = new HashMap<>();
    albums.forEach(a -> albumsPerArtist.merge(a.primaryArtistId(), 1L, Long::sum));
    assertThat(albumsPerArtist.values().stream().filter(n -> n >= 3).count())
        .as("artists with three albums or more")
        .isGreaterThan(artists.size() / 10);
    assertThat(tracks.stream().filter(t -> t.flags().featured()).count()).isBetween(20L, N / 50L);
    assertThat(tracks)
        .allSatisfy(
            t -> assertThat(t.licenseUrl()).startsWith("http://creativecommons.org/licenses/"));
    assertThat(tracks.stream().map(Track::licenseUrl).distinct().count()).isGreaterThan(8);
    assertThat(artists).allSatisfy(a -> assertThat(a.locations()).hasSize(1));
  }

  @Test
  void popularityIsLongTailed() {
    long[] listens = tracks.stream().mapToLong(t -> t.stats().listensTotal()).sorted().toArray();
    long total = 0;
    for (long l : listens) {
      total += l;
    }
    long top1 = 0;
    for (int i = listens.length - listens.length / 100; i < listens.length; i++) {
      top1 += listens[i];
    }
    assertThat(top1 / (double) total)
        .as("share of listens of the top 1%% of tracks")
        .isGreaterThan(0.2);
    double mean = total / (double) listens.length;
    assertThat((double) listens[listens.length / 2]).as("median vs mean").isLessThan(mean / 2);
    Track top =
        tracks.stream().max(Comparator.comparingLong(t -> t.stats().listensTotal())).orElseThrow();
    assertThat(top.popularity()).isGreaterThan(70);
  }

  @Test
  void tagFrequenciesFollowMtgJamendo() {
    for (String category : List.of(Tag.GENRE, Tag.INSTRUMENT, Tag.MOOD)) {
      Distributions.TagCategory real = REAL.tags().get(category);
      Map<String, Integer> counts = new HashMap<>();
      long tagged = 0;
      for (Track t : tracks) {
        boolean any = false;
        for (Tag tag : t.tags()) {
          if (tag.category().equals(category)) {
            counts.merge(tag.name(), 1, Integer::sum);
            any = true;
          }
        }
        tagged += any ? 1 : 0;
      }
      assertThat(tagged / (double) N)
          .as(category + " share")
          .isCloseTo(real.trackShare(), within(0.02));
      // The ten most frequent real tags: generated share within 30 % (relative) of the real one.
      final long taggedTracks = tagged;
      real.frequency().entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .limit(10)
          .forEach(
              e ->
                  assertThat(counts.getOrDefault(e.getKey(), 0) / (double) taggedTracks)
                      .as(category + "/" + e.getKey())
                      .isCloseTo(e.getValue(), within(e.getValue() * 0.3)));
    }
  }

  @Test
  void featureMeansAndCorrelationsFollowTheReference() {
    for (String name : REAL.featureNames()) {
      ToDoubleFunction<Track> f = feature(name);
      double mean = tracks.stream().mapToDouble(f).average().orElseThrow();
      double realMean = REAL.featureMeans().get(name);
      double spread =
          REAL.featureQuantiles().get(name).at(0.9) - REAL.featureQuantiles().get(name).at(0.1);
      assertThat(mean).as(name + " mean").isCloseTo(realMean, within(0.05 * spread));
    }
    // Energy and loudness correlate strongly in real music; acousticness and energy oppose.
    assertThat(pearson(feature("energy"), feature("loudness"))).isGreaterThan(0.5);
    assertThat(pearson(feature("acousticness"), feature("energy"))).isLessThan(-0.35);
    double meanSeconds =
        tracks.stream().mapToLong(Track::durationMs).average().orElseThrow() / 1000;
    assertThat(meanSeconds)
        .isBetween(REAL.durationSeconds().at(0.4), REAL.durationSeconds().at(0.7));
  }

  @Test
  void musicInfoAgreesWithFeatures() {
    assertThat(tracks)
        .allSatisfy(
            t -> {
              var f = t.features();
              var m = t.musicInfo();
              assertThat(m.vocalInstrumental())
                  .isEqualTo(f.instrumentalness() > 0.5 ? "instrumental" : "vocal");
              assertThat(m.acousticElectric())
                  .isEqualTo(f.acousticness() > 0.5 ? "acoustic" : "electric");
              assertThat(m.speed()).isEqualTo(MusicInfoRules.speed(f.tempo()));
              if (m.vocalInstrumental().equals("instrumental")) {
                assertThat(m.lang()).isNull();
                assertThat(m.gender()).isNull();
              } else {
                assertThat(m.lang()).isNotNull();
                assertThat(m.gender()).isIn("male", "female");
              }
            });
    assertThat(MusicInfoRules.speed(60)).isEqualTo("verylow");
    assertThat(MusicInfoRules.speed(110)).isEqualTo("medium");
    assertThat(MusicInfoRules.speed(170)).isEqualTo("veryhigh");
    // Both labels occur in each dimension.
    assertThat(tracks.stream().map(t -> t.musicInfo().vocalInstrumental()).distinct()).hasSize(2);
    assertThat(tracks.stream().map(t -> t.musicInfo().speed()).distinct()).hasSize(5);
  }

  /**
   * Pins the catalog of (2,000 tracks, seed 42) to a fingerprint of every field of every entity, so
   * that it stays byte-identical across JVMs and machines. A deliberate change to the generator
   * changes the demo catalog: update the constant in the same commit and say so.
   */
  @Test
  void catalogIsPinnedAcrossMachines() throws Exception {
    assertThat(fingerprint(new DemoGenerator(2_000, 42))).isEqualTo(PINNED);
  }

  /**
   * The scattered UUIDs are byte for byte those of the catalogs made before 2026-12-07, which is
   * what lets {@link DemoCatalog} recognise and complete them: the same fingerprint as then.
   */
  @Test
  void scatteredUuidsGiveTheCatalogOfBefore() throws Exception {
    DemoGenerator gen = new DemoGenerator(2_000, 42).withUuids(UuidScheme.SCATTERED);
    assertThat(fingerprint(gen)).isEqualTo(PINNED_SCATTERED);
  }

  @Test
  void uuidsAreVersion8AndAscendWithTheIdsOfEachKind() {
    for (List<String> uuids :
        List.of(
            tracks.stream().map(t -> t.uuid().toString()).toList(),
            albums.stream().map(a -> a.uuid().toString()).toList(),
            artists.stream().map(a -> a.uuid().toString()).toList())) {
      assertThat(uuids).isSorted();
      assertThat(uuids)
          .allSatisfy(u -> assertThat(java.util.UUID.fromString(u).version()).isEqualTo(8));
    }
  }

  private static String fingerprint(DemoGenerator gen) throws Exception {
    Catalog c = Catalog.of(gen);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (List<?> entities : List.of(c.artists, c.albums, c.tracks)) {
      for (Object e : entities) {
        sha.update(e.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static final String PINNED =
      "c346333ca693ca2350027d7dce5fe0cb2f7bb96273d2ec6c5dd3507bd129cb4f";

  private static final String PINNED_SCATTERED =
      "2280efac8ff94f9a43512e8635cdb90b0fb9f0cc9af7a2c3d0b1bf1c6393d9fc";

  private static ToDoubleFunction<Track> feature(String name) {
    return t -> {
      var f = t.features();
      return switch (name) {
        case "acousticness" -> f.acousticness();
        case "danceability" -> f.danceability();
        case "energy" -> f.energy();
        case "instrumentalness" -> f.instrumentalness();
        case "liveness" -> f.liveness();
        case "loudness" -> f.loudness();
        case "speechiness" -> f.speechiness();
        case "tempo" -> f.tempo();
        case "valence" -> f.valence();
        default -> throw new IllegalArgumentException(name);
      };
    };
  }

  private static double pearson(ToDoubleFunction<Track> x, ToDoubleFunction<Track> y) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (Track t : tracks) {
      double a = x.applyAsDouble(t);
      double b = y.applyAsDouble(t);
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
    int n = tracks.size();
    double cov = sxy / n - (sx / n) * (sy / n);
    return cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
  }
}

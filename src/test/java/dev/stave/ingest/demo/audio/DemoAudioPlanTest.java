package dev.stave.ingest.demo.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.catalog.Album;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.ingest.demo.DemoGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo share: whole albums, every genre of the catalog, about the target number of tracks. */
class DemoAudioPlanTest {
  private final CatalogBatch catalog = new DemoGenerator(2_000, 42).batch(0);

  private List<DemoAudioPlan.AlbumInfo> albums() {
    Map<Long, List<Long>> tracks = new LinkedHashMap<>();
    Map<Long, Set<String>> genres = new LinkedHashMap<>();
    for (Track t : catalog.tracks()) {
      if (t.albumId() == null) {
        continue;
      }
      tracks.computeIfAbsent(t.albumId(), k -> new ArrayList<>()).add(t.id());
      t.tags().stream()
          .filter(g -> g.category().equals(Tag.GENRE))
          .forEach(g -> genres.computeIfAbsent(t.albumId(), k -> new HashSet<>()).add(g.name()));
    }
    List<DemoAudioPlan.AlbumInfo> out = new ArrayList<>();
    for (Album a : catalog.albums()) {
      out.add(
          new DemoAudioPlan.AlbumInfo(
              a.id(),
              tracks.getOrDefault(a.id(), List.of()),
              genres.getOrDefault(a.id(), Set.of()),
              a.popularity()));
    }
    return out;
  }

  @Test
  void everyGenreHasAWholeAlbumAndTheShareIsAboutTheTarget() {
    List<DemoAudioPlan.AlbumInfo> albums = albums();
    List<Long> plan = DemoAudioPlan.choose(albums, 300);
    Set<Long> planned = new HashSet<>(plan);
    Set<String> allGenres = new HashSet<>();
    Set<String> covered = new HashSet<>();
    int largest = 0;
    for (DemoAudioPlan.AlbumInfo a : albums) {
      allGenres.addAll(a.genres());
      largest = Math.max(largest, a.tracks().size());
      long in = a.tracks().stream().filter(planned::contains).count();
      assertThat(in).as("album %d whole or absent", a.id()).isIn(0L, (long) a.tracks().size());
      if (in > 0) {
        covered.addAll(a.genres());
      }
    }
    assertThat(allGenres).hasSizeGreaterThan(50);
    assertThat(covered).isEqualTo(allGenres);
    assertThat(plan).doesNotHaveDuplicates().hasSizeBetween(300, 300 + largest);
    assertThat(DemoAudioPlan.choose(albums, 300)).isEqualTo(plan);
  }

  @Test
  void aSmallTargetStopsAtAFewAlbums() {
    List<Long> plan = DemoAudioPlan.choose(albums(), 10);
    assertThat(plan).hasSizeBetween(10, 40);
  }
}

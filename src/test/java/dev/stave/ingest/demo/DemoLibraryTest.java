package dev.stave.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.library.Playlist;
import dev.stave.library.Relation;
import dev.stave.library.Review;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo catalog's listeners: deterministic, consistent with the catalog, believable. */
class DemoLibraryTest {
  private static final DemoGenerator CATALOG = new DemoGenerator(2_000, 42);

  @Test
  void theSameSeedGivesTheSameListenersInAnyChunking() {
    DemoLibrary lib = new DemoLibrary(CATALOG);
    assertThat(lib.users()).isEqualTo(50);
    DemoLibrary.Output whole = lib.generate(0, lib.users());
    DemoLibrary.Output again = new DemoLibrary(new DemoGenerator(2_000, 42)).generate(0, 50);
    assertThat(again).isEqualTo(whole);
    DemoLibrary.Output first = lib.generate(0, 20);
    DemoLibrary.Output rest = lib.generate(20, 50);
    assertThat(first.users()).isEqualTo(whole.users().subList(0, 20));
    assertThat(rest.users()).isEqualTo(whole.users().subList(20, 50));
    assertThat(first.relations().size() + rest.relations().size())
        .isEqualTo(whole.relations().size());
    DemoLibrary.Output other = new DemoLibrary(new DemoGenerator(2_000, 43)).generate(0, 50);
    assertThat(other.users()).isNotEqualTo(whole.users());
  }

  @Test
  void listenersReferToTheCatalogAndBehaveLikeListeners() {
    DemoLibrary.Output out = new DemoLibrary(CATALOG).generate(0, 50);
    Set<String> names = out.users().stream().map(User::name).collect(Collectors.toSet());
    assertThat(names).hasSize(50);
    for (UserRelation r : out.relations()) {
      long max =
          switch (r.relation().target()) {
            case ARTIST -> CATALOG.totalArtists();
            case ALBUM -> CATALOG.totalAlbums();
            case TRACK -> CATALOG.totalTracks();
          };
      assertThat(r.targetId()).isBetween(1L, max);
      assertThat(r.updatedAt().toLocalDate())
          .isAfterOrEqualTo(out.users().get((int) r.userId() - 1).creationDate());
    }
    Set<Relation> kinds =
        out.relations().stream().map(UserRelation::relation).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder(Relation.values());
    Set<Long> liked = new HashSet<>();
    Set<Long> disliked = new HashSet<>();
    for (UserRelation r : out.relations()) {
      long key = r.userId() * 1_000_000 + r.targetId();
      if (r.relation() == Relation.LIKE) {
        liked.add(key);
      } else if (r.relation() == Relation.DISLIKE) {
        disliked.add(key);
      }
    }
    assertThat(liked).doesNotContainAnyElementsOf(disliked);
    assertThat(out.playlists()).isNotEmpty();
    for (Playlist p : out.playlists()) {
      assertThat(p.trackIds()).isNotEmpty().allMatch(t -> t >= 1 && t <= CATALOG.totalTracks());
      assertThat(p.addedDates()).isSorted().allMatch(d -> !d.isBefore(p.creationDate()));
    }
    List<Review> reviews = out.reviews();
    assertThat(reviews).extracting(Review::entityType).contains("album", "track");
    assertThat(reviews).allMatch(r -> r.score() == null || (r.score() >= 1 && r.score() <= 5));
    // attention is skewed: the most liked track gathers several users
    long top =
        out.relations().stream()
            .filter(r -> r.relation() == Relation.LIKE)
            .collect(Collectors.groupingBy(UserRelation::targetId, Collectors.counting()))
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    assertThat(top).isGreaterThanOrEqualTo(3);
  }

  @Test
  void anEmptyCatalogHasNoListeners() {
    DemoLibrary lib = new DemoLibrary(new DemoGenerator(0, 42));
    assertThat(lib.users()).isZero();
    assertThat(lib.generate(0, 10).users()).isEmpty();
  }
}

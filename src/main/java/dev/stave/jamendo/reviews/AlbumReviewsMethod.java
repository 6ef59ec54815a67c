package dev.stave.jamendo.reviews;

import dev.stave.catalog.Album;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Review;
import dev.stave.library.Targets;
import dev.stave.library.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/reviews/albums} (spec §8.17): {@code album_id} (several) and {@code artist_id}
 * (the album's primary artist) select the reviewed albums.
 */
@Component
public class AlbumReviewsMethod extends ReviewsMethod {
  private final EntityCache catalog;

  public AlbumReviewsMethod(LibraryViews views, LibraryStore library, EntityCache catalog) {
    super(views, library);
    this.catalog = catalog;
  }

  @Override
  public String path() {
    return "reviews/albums";
  }

  @Override
  String entityType() {
    return "album";
  }

  @Override
  List<String> ownParameters() {
    return List.of("album_id");
  }

  @Override
  Targets targets(JamendoParams p) {
    return new Targets(p.integers("album_id"), List.of(), p.integers("artist_id"), null);
  }

  @Override
  List<Map<String, Object>> render(JamendoParams p, List<Review> reviews, Map<Long, User> users) {
    Map<Long, Album> albums =
        LibraryViews.byId(
            catalog.albums(reviews.stream().map(Review::entityId).distinct().toList()), Album::id);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Review r : reviews) {
      Album a = albums.get(r.entityId());
      Map<String, Object> m = common(r, users);
      m.put("album_id", String.valueOf(r.entityId()));
      m.put("album_name", a == null ? "" : a.name());
      m.put("artist_id", a == null ? "" : String.valueOf(a.primaryArtistId()));
      out.add(m);
    }
    return out;
  }
}

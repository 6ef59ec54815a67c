package dev.stave.jamendo.reviews;

import dev.stave.catalog.Track;
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
 * {@code GET /v3.0/reviews/tracks} (spec §8.18): {@code track_id} (several), {@code album_id} and
 * {@code artist_id} (any artist of the track) select the reviewed tracks. {@code
 * track_audiodownload} is empty when the track may not be downloaded; {@code track_audio} (the
 * stream) is always given.
 */
@Component
public class TrackReviewsMethod extends ReviewsMethod {
  public TrackReviewsMethod(LibraryViews views, LibraryStore library) {
    super(views, library);
  }

  @Override
  public String path() {
    return "reviews/tracks";
  }

  @Override
  String entityType() {
    return "track";
  }

  @Override
  List<String> ownParameters() {
    return List.of("track_id", "album_id", "audioformat", "audiodlformat");
  }

  @Override
  Targets targets(JamendoParams p) {
    return new Targets(
        p.integers("track_id"), p.integers("album_id"), p.integers("artist_id"), null);
  }

  @Override
  List<Map<String, Object>> render(JamendoParams p, List<Review> reviews, Map<Long, User> users) {
    LibraryViews.TrackFormat format = LibraryViews.trackFormat(p, "imagesize");
    LibraryViews.Tracks loaded = views.tracks(reviews.stream().map(Review::entityId).toList());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Review r : reviews) {
      Map<String, Object> m = common(r, users);
      Track t = loaded.tracks().get(r.entityId());
      Map<String, Object> f = views.trackFields(t, loaded, format);
      m.put("track_id", f.get("id"));
      m.put("track_name", f.get("name"));
      m.put("album_id", f.get("album_id"));
      m.put("artist_id", f.get("artist_id"));
      m.put("track_audiodownload_allowed", f.get("audiodownload_allowed"));
      m.put("track_license_ccurl", f.get("license_ccurl"));
      m.put("track_audio", f.get("audio"));
      m.put("track_audiodownload", f.get("audiodownload"));
      out.add(m);
    }
    return out;
  }
}

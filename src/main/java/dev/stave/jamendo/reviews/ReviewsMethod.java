package dev.stave.jamendo.reviews;

import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Order;
import dev.stave.library.Page;
import dev.stave.library.Review;
import dev.stave.library.ReviewQuery;
import dev.stave.library.Targets;
import dev.stave.library.User;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code reviews/albums} and {@code reviews/tracks} (spec §8.17, §8.18): reviews filtered by id,
 * language, date, author, score presence and the reviewed entity, ordered by date added, score or
 * id (default: newest first). Reviews of entities that are not in the catalog are not listed. A
 * review's {@code score} is written on Jamendo's 0–10 scale ({@code ""} without one); an {@code
 * access_token} restricts the list to its user's reviews.
 */
abstract class ReviewsMethod implements JamendoMethod {
  private static final List<String> ORDERS = JamendoOrder.values("addeddate", "score", "id");
  private static final Map<String, ReviewQuery.Field> ORDER_FIELDS =
      Map.of(
          "addeddate", ReviewQuery.Field.DATE_ADDED,
          "score", ReviewQuery.Field.SCORE,
          "id", ReviewQuery.Field.ID);

  final LibraryViews views;
  final LibraryStore library;

  ReviewsMethod(LibraryViews views, LibraryStore library) {
    this.views = views;
    this.library = library;
  }

  /** {@code album} or {@code track}. */
  abstract String entityType();

  /** The method's own parameters besides those every reviews method has. */
  abstract List<String> ownParameters();

  /** The reviewed entities the parameters keep. */
  abstract Targets targets(JamendoParams p);

  /** Renders the page, reading what it refers to in batches. */
  abstract List<Map<String, Object>> render(
      JamendoParams p, List<Review> reviews, Map<Long, User> users);

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon(
        Stream.concat(
                Stream.of(
                    "id",
                    "lang",
                    "datebetween",
                    "user_id",
                    "access_token",
                    "hasscore",
                    "artist_id"),
                ownParameters().stream())
            .toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "review";
  }

  @Override
  public Result execute(JamendoParams p) {
    JamendoParams.Paging paging = p.paging();
    boolean fullcount = p.fullcount();
    Optional<String> lang = p.string("lang");
    if (lang.isPresent() && !lang.get().matches("[a-zA-Z]{2}")) {
      throw JamendoException.type(
          "lang", "takes a 2-letter language code, got '" + lang.get() + "'");
    }
    Optional<List<Long>> userIds = views.authors(p, "user_id");
    if (userIds.isEmpty()) {
      return Result.of(List.of(), fullcount ? 0L : null);
    }
    Optional<LocalDate[]> dates = p.dateRange("datebetween");
    List<Order<ReviewQuery.Field>> orders = new ArrayList<>();
    for (String o : p.manyOf("order", ORDERS)) {
      orders.add(new Order<>(ORDER_FIELDS.get(JamendoOrder.field(o)), o.endsWith("_desc")));
    }
    ReviewQuery q =
        new ReviewQuery(
            entityType(),
            p.integers("id"),
            lang.map(l -> l.toLowerCase(Locale.ROOT)).orElse(null),
            dates.map(d -> EntityParams.open(d[0])).orElse(null),
            dates.map(d -> EntityParams.open(d[1])).orElse(null),
            userIds.get(),
            p.bool("hasscore").orElse(null),
            targets(p),
            orders,
            paging.offset(),
            paging.limit());
    Page<Review> page = library.reviews(q);
    Map<Long, User> users =
        LibraryViews.byId(
            library.users(
                page.items().stream()
                    .map(Review::userId)
                    .filter(u -> u != null)
                    .distinct()
                    .toList()),
            User::id);
    return Result.of(render(p, page.items(), users), fullcount ? page.total() : null);
  }

  /** The fields every review has, up to {@code score} (spec §7.6). */
  static Map<String, Object> common(Review r, Map<Long, User> users) {
    User u = r.userId() == null ? null : users.get(r.userId());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(r.id()));
    m.put("title", LibraryViews.text(r.title()));
    m.put("text", LibraryViews.text(r.text()));
    m.put("dateadded", LibraryViews.date(r.dateAdded()));
    m.put("agreecnt", String.valueOf(r.agreeCount()));
    m.put("lang", LibraryViews.text(r.lang()));
    m.put("user_id", r.userId() == null ? "" : String.valueOf(r.userId()));
    m.put("user_name", u == null ? "" : u.name());
    m.put("user_dispname", u == null ? "" : LibraryViews.text(u.dispname()));
    m.put("score", LibraryViews.score(r.score()));
    return m;
  }
}

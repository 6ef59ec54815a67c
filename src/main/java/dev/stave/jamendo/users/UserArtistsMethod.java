package dev.stave.jamendo.users;

import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import dev.stave.library.Targets;
import dev.stave.library.User;
import dev.stave.library.UserRelation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/users/artists} (spec §8.23): the artists each user is a fan of, most recent
 * first unless {@code order=updatedate[_asc|_desc]} says otherwise; {@code artist_id} restricts
 * them; {@code relation} accepts only {@code fan}. Artist images come at the artists' default size
 * of 300 px.
 */
@Component
public class UserArtistsMethod extends UserRelationsMethod {
  private final EntityCache catalog;

  public UserArtistsMethod(LibraryViews views, LibraryStore library, EntityCache catalog) {
    super(views, library);
    this.catalog = catalog;
  }

  @Override
  public String path() {
    return "users/artists";
  }

  @Override
  String listName() {
    return "artists";
  }

  @Override
  List<String> ownParameters() {
    return List.of("artist_id", "relation");
  }

  @Override
  Nested nested(JamendoParams p) {
    p.manyOf("relation", List.of("fan"));
    boolean ascending = ascending(p);
    Targets targets = Targets.ids(p.integers("artist_id"));
    return users -> {
      List<UserRelation> fans =
          library.relations(users.stream().map(User::id).toList(), Set.of(Relation.FAN), targets);
      Map<Long, Artist> artists =
          LibraryViews.byId(
              catalog.artists(fans.stream().map(UserRelation::targetId).distinct().toList()),
              Artist::id);
      Map<Long, List<Map<String, Object>>> out = new HashMap<>();
      for (UserRelation r : ordered(fans, ascending)) {
        Artist a = artists.get(r.targetId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(a.id()));
        m.put("name", a.name());
        m.put("image", views.links().image("artist", a.id(), a.image(), "300"));
        m.put("joindate", LibraryViews.date(a.joinDate()));
        m.put("updatedate", LibraryViews.dateTime(r.updatedAt()));
        m.put("relations", Map.of("fan", "1"));
        out.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(m);
      }
      return out;
    };
  }

  /**
   * Whether {@code order} asks for the oldest relations first; the only field is {@code
   * updatedate}, and without an order the most recent come first.
   */
  static boolean ascending(JamendoParams p) {
    List<String> orders = p.manyOf("order", JamendoOrder.values("updatedate"));
    return !orders.isEmpty() && !orders.get(0).endsWith("_desc");
  }

  /** {@code relations} (newest first, as the store returns them) in the order asked for. */
  static List<UserRelation> ordered(List<UserRelation> relations, boolean ascending) {
    return ascending ? relations.reversed() : relations;
  }

  static Targets targetsOf(JamendoParams p, String idParam) {
    return Targets.ids(p.integers(idParam));
  }

  static String coverSize(JamendoParams p) {
    return p.oneOf("album_imagesize", EntityParams.COVER_SIZES).orElse("300");
  }
}

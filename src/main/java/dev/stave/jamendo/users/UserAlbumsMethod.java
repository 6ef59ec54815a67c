package dev.stave.jamendo.users;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
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
 * {@code GET /v3.0/users/albums} (spec §8.24): the albums in each user's "my albums", most recent
 * first unless {@code order=updatedate[_asc|_desc]} says otherwise; {@code album_id} restricts
 * them, {@code album_imagesize} sizes their covers (default 300); {@code relation} accepts only
 * {@code myalbums}.
 */
@Component
public class UserAlbumsMethod extends UserRelationsMethod {
  private final EntityCache catalog;

  public UserAlbumsMethod(LibraryViews views, LibraryStore library, EntityCache catalog) {
    super(views, library);
    this.catalog = catalog;
  }

  @Override
  public String path() {
    return "users/albums";
  }

  @Override
  String listName() {
    return "albums";
  }

  @Override
  List<String> ownParameters() {
    return List.of("album_id", "album_imagesize", "relation");
  }

  @Override
  Nested nested(JamendoParams p) {
    p.manyOf("relation", List.of("myalbums"));
    boolean ascending = UserArtistsMethod.ascending(p);
    String size = UserArtistsMethod.coverSize(p);
    Targets targets = UserArtistsMethod.targetsOf(p, "album_id");
    return users -> {
      List<UserRelation> mine =
          library.relations(
              users.stream().map(User::id).toList(), Set.of(Relation.MYALBUM), targets);
      Map<Long, Album> albums =
          LibraryViews.byId(
              catalog.albums(mine.stream().map(UserRelation::targetId).distinct().toList()),
              Album::id);
      Map<Long, Artist> artists =
          LibraryViews.byId(
              catalog.artists(
                  albums.values().stream().map(Album::primaryArtistId).distinct().toList()),
              Artist::id);
      Map<Long, List<Map<String, Object>>> out = new HashMap<>();
      for (UserRelation r : UserArtistsMethod.ordered(mine, ascending)) {
        Album a = albums.get(r.targetId());
        Artist artist = artists.get(a.primaryArtistId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(a.id()));
        m.put("name", a.name());
        m.put("releasedate", a.releaseDate() == null ? "" : a.releaseDate().date().toString());
        m.put("artist_id", String.valueOf(a.primaryArtistId()));
        m.put("artist_name", artist == null ? "" : artist.name());
        m.put("updatedate", LibraryViews.dateTime(r.updatedAt()));
        m.put("image", views.links().image("album", a.id(), a.image(), size));
        m.put("relations", Map.of("myalbums", "1"));
        out.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(m);
      }
      return out;
    };
  }
}

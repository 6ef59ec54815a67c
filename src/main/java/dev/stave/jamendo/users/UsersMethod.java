package dev.stave.jamendo.users;

import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/users} (spec §8.22): users by id, name or access token, in that order. Users
 * have no sortable field, so any {@code order} is a type error. The avatar comes at {@code
 * imagesize} 30, 50 (default) or 100 px.
 */
@Component
public class UsersMethod implements JamendoMethod {
  static final String[] PARAMETERS = {"id", "access_token", "name", "imagesize"};

  private final LibraryViews views;
  private final LibraryStore library;

  public UsersMethod(LibraryViews views, LibraryStore library) {
    this.views = views;
    this.library = library;
  }

  @Override
  public String path() {
    return "users";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon(PARAMETERS);
  }

  @Override
  public String itemName() {
    return "user";
  }

  @Override
  public Result execute(JamendoParams p) {
    if (p.has("order")) {
      throw JamendoException.type("order", "is not supported: users have no sortable field");
    }
    boolean fullcount = p.fullcount();
    UserSelection.Selected s = UserSelection.select(p, views, library, true, false);
    List<Map<String, Object>> out = new ArrayList<>();
    for (User u : s.users()) {
      out.add(views.user(u, s.imageSize()));
    }
    return Result.of(out, fullcount ? s.total() : null);
  }
}

package dev.stave.jamendo.users;

import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.SubEntityBudget;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code users/*} methods: the {@code users} selection, each user with a nested list of the
 * entities they relate to. Sub-entities count against the 400-per-response budget (spec §5.3) in
 * user order, so later users get fewer.
 */
abstract class UserRelationsMethod implements JamendoMethod {
  final LibraryViews views;
  final LibraryStore library;

  UserRelationsMethod(LibraryViews views, LibraryStore library) {
    this.views = views;
    this.library = library;
  }

  /** The name of the nested list: {@code artists}, {@code albums} or {@code tracks}. */
  abstract String listName();

  /** Parameters besides the inherited {@code users} ones. */
  abstract List<String> ownParameters();

  /** Whether {@code name} selects users (not on {@code users/tracks}). */
  boolean byName() {
    return true;
  }

  /**
   * Parses the method's own parameters and returns how to read the nested lists of a page of users
   * (everything in batches, whatever the number of users).
   */
  abstract Nested nested(JamendoParams p);

  /** The nested items of each user, in display order, before the budget is applied. */
  interface Nested {
    Map<Long, List<Map<String, Object>>> of(List<User> users);
  }

  @Override
  public Set<String> parameters() {
    List<String> inherited =
        Stream.of(UsersMethod.PARAMETERS).filter(n -> byName() || !"name".equals(n)).toList();
    return JamendoMethod.withCommon(
        Stream.concat(inherited.stream(), ownParameters().stream()).toArray(String[]::new));
  }

  @Override
  public String itemName() {
    return "user";
  }

  @Override
  public Result execute(JamendoParams p) {
    boolean fullcount = p.fullcount();
    UserSelection.Selected s = UserSelection.select(p, views, library, byName(), !byName());
    Nested nested = nested(p);
    Map<Long, List<Map<String, Object>>> items = nested.of(s.users());
    SubEntityBudget budget = new SubEntityBudget();
    List<Map<String, Object>> out = new ArrayList<>();
    for (User u : s.users()) {
      Map<String, Object> m = views.user(u, s.imageSize());
      m.put(listName(), budget.take(items.getOrDefault(u.id(), List.of())));
      out.add(m);
    }
    return Result.of(out, fullcount ? s.total() : null);
  }
}

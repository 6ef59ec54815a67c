package dev.stave.jamendo.users;

import dev.stave.jamendo.api.JamendoCode;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the users methods pick their users (spec §8.22–§8.25): a lookup, never a search, by {@code
 * id} (several), {@code name} (several, exact) and the {@code access_token}'s user, in that order
 * and each user once; at least one of them is required. {@code offset}/{@code limit} page over the
 * users found.
 */
final class UserSelection {
  private UserSelection() {}

  /** The users of this page, the number found, and the avatar size asked for. */
  record Selected(List<User> users, long total, String imageSize) {}

  /**
   * @param byName whether {@code name} selects users ({@code users/tracks} takes only id or token)
   * @param oneId whether {@code id} takes a single user ({@code users/tracks})
   */
  static Selected select(
      JamendoParams p, LibraryViews views, LibraryStore library, boolean byName, boolean oneId) {
    List<String> selectors =
        byName ? List.of("id", "access_token", "name") : List.of("id", "access_token");
    if (selectors.stream().noneMatch(p::has)) {
      throw new JamendoException(
          JamendoCode.REQUIRED_PARAMETER,
          "one of the parameters " + String.join(", ", selectors) + " is required");
    }
    String size = p.oneOf("imagesize", LibraryViews.AVATAR_SIZES).orElse("50");
    JamendoParams.Paging paging = p.paging();
    List<Long> ids =
        new ArrayList<>(oneId ? p.integer("id").map(List::of).orElse(List.of()) : p.integers("id"));
    Optional<Long> tokenUser = views.tokenUser(p);
    Map<Long, User> found = new LinkedHashMap<>();
    library.users(ids).forEach(u -> found.put(u.id(), u));
    if (byName) {
      library.usersNamed(p.multi("name")).forEach(u -> found.putIfAbsent(u.id(), u));
    }
    tokenUser.ifPresent(id -> library.users(List.of(id)).forEach(u -> found.putIfAbsent(id, u)));
    List<User> page = found.values().stream().skip(paging.offset()).limit(paging.limit()).toList();
    return new Selected(page, found.size(), size);
  }
}

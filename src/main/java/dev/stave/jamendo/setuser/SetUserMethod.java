package dev.stave.jamendo.setuser;

import dev.stave.access.AccessGrant;
import dev.stave.access.App;
import dev.stave.jamendo.api.JamendoCode;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.jamendo.api.JamendoWriteMethod;
import dev.stave.jamendo.library.LibraryViews;
import dev.stave.library.LibraryStore;
import dev.stave.library.Relation;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v3.0/setuser/<action>} (spec §9): sets one relation of the token's user — fan of an
 * artist, an album in "my albums", a favorite, liked or disliked track — or, for the documented
 * extensions {@code unfan, unmyalbum, unfavorite, unlike, undislike}, removes it. Every call is
 * idempotent; a target that is not in the catalog is stored and never shown (spec §9.1).
 *
 * <p>Checks, in order: {@code access_token} and the target id present (code 4) and an integer (3);
 * the token known, unexpired, unrevoked and issued to {@code client_id}'s app (12); the token
 * approved for scope {@code music} (13); the app on the read-write plan (13: the spec leaves the
 * code open, and a read-only plan is an insufficient scope for the app).
 */
final class SetUserMethod implements JamendoWriteMethod {
  private final String action;
  private final Relation relation;
  private final boolean remove;
  private final String targetParam;
  private final LibraryViews views;
  private final LibraryStore library;
  private final Clock clock;

  SetUserMethod(
      Relation relation, boolean remove, LibraryViews views, LibraryStore library, Clock clock) {
    this.action = (remove ? "un" : "") + relation.key();
    this.relation = relation;
    this.remove = remove;
    this.targetParam =
        switch (relation.target()) {
          case ARTIST -> "artist_id";
          case ALBUM -> "album_id";
          case TRACK -> "track_id";
        };
    this.views = views;
    this.library = library;
    this.clock = clock;
  }

  /** The five documented methods and their five undo extensions. */
  static List<SetUserMethod> all(LibraryViews views, LibraryStore library, Clock clock) {
    List<SetUserMethod> out = new java.util.ArrayList<>();
    for (Relation r : Relation.values()) {
      out.add(new SetUserMethod(r, false, views, library, clock));
      out.add(new SetUserMethod(r, true, views, library, clock));
    }
    return out;
  }

  @Override
  public String path() {
    return "setuser/" + action;
  }

  @Override
  public Set<String> parameters() {
    return Set.of("client_id", "format", "fullcount", "access_token", targetParam);
  }

  @Override
  public JamendoMethod.Result execute(JamendoParams p, App app) {
    p.required("access_token");
    long target = p.integer(targetParam).orElseThrow(() -> JamendoException.required(targetParam));
    AccessGrant grant = views.tokenGrant(p).orElseThrow();
    if (!grant.hasScope(AccessGrant.MUSIC)) {
      throw new JamendoException(
          JamendoCode.INSUFFICIENT_SCOPE,
          "the access token was not granted the scope music, which " + path() + " needs");
    }
    if (!app.canWrite()) {
      throw new JamendoException(
          JamendoCode.INSUFFICIENT_SCOPE,
          "the application is on the read-only plan; write methods need the read-write plan");
    }
    if (remove) {
      library.unset(grant.userId(), relation, target);
    } else {
      library.set(grant.userId(), relation, target, LocalDateTime.now(clock));
    }
    return JamendoMethod.Result.of(List.of(), null);
  }
}

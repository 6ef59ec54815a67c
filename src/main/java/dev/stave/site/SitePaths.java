package dev.stave.site;

import dev.stave.web.DialectErrorDocuments;
import java.util.List;

/**
 * The URL space of the web face, in one place: the security chain matches these paths, the error
 * documents of these paths are HTML pages, and a newcomer looking for the class behind a page URL
 * starts here (each prefix names its package).
 *
 * <p>Decision: the pages live at short, readable top-level paths ({@code /albums/33}) rather than
 * under a common prefix, because they are what people share; the APIs keep theirs ({@code /v3.0},
 * {@code /v1}, {@code /rest}, {@code /audio}), which none of these collide with.
 */
public final class SitePaths {
  private SitePaths() {}

  /** Home ({@code site.home}). */
  public static final String HOME = "/";

  /** Static assets of the face (CSS, scripts, icons) and the webjars they use. */
  public static final String ASSETS = "/assets";

  public static final String WEBJARS = "/webjars";

  /** Catalog explorer and player ({@code site.explorer}). */
  public static final List<String> EXPLORER =
      List.of("/search", "/artists", "/albums", "/tracks", "/playlists", "/radios", "/playground");

  /** Developer portal ({@code site.portal}): logged-in users. */
  public static final String DEVELOPER = "/developer";

  /** Operator console ({@code site.console}): accounts with the operator role. */
  public static final String CONSOLE = "/console";

  /**
   * The account pages ({@code access.web}): served by the core, but in the web face's layout, so
   * their error pages are the web face's too.
   */
  public static final List<String> ACCOUNT =
      List.of("/login", "/logout", "/signup", "/account", "/oauth/consent");

  private static final List<String> PREFIXES =
      java.util.stream.Stream.concat(
              EXPLORER.stream(), java.util.stream.Stream.of(ASSETS, WEBJARS, DEVELOPER, CONSOLE))
          .toList();

  /** What {@link #owns} checks: the web face's prefixes and the account pages'. */
  private static final List<String> OWNED =
      java.util.stream.Stream.concat(PREFIXES.stream(), ACCOUNT.stream()).toList();

  /** Every path prefix the web face answers, the home page aside. */
  public static List<String> prefixes() {
    return PREFIXES;
  }

  /** Whether a request to {@code uri} (as sent) is one of the web face's. */
  public static boolean owns(String uri) {
    if (uri == null) {
      return false;
    }
    if (uri.equals(HOME) || uri.startsWith("/?") || uri.startsWith("/;")) {
      return true;
    }
    return OWNED.stream().anyMatch(p -> DialectErrorDocuments.under(p, uri));
  }

  /** The patterns of {@link #prefixes()} and the home page, for request matchers. */
  static String[] patterns() {
    List<String> out = new java.util.ArrayList<>();
    out.add(HOME);
    for (String p : prefixes()) {
      out.add(p);
      out.add(p + "/**");
    }
    return out.toArray(String[]::new);
  }
}

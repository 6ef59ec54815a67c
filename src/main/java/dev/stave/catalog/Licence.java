package dev.stave.catalog;

import java.util.Locale;

/**
 * The Creative Commons clauses of a licence URL, as Jamendo's {@code ccnc}/{@code ccnd}/{@code
 * ccsa} filters use them: {@code https://creativecommons.org/licenses/by-nc-sa/3.0/} has nc and sa.
 * A URL that is not a Creative Commons licence has none of the clauses and {@code cc} false.
 */
public record Licence(boolean cc, boolean nc, boolean nd, boolean sa) {
  public static final Licence NONE = new Licence(false, false, false, false);

  public static Licence of(String url) {
    if (url == null) {
      return NONE;
    }
    String u = url.toLowerCase(Locale.ROOT);
    int at = u.indexOf("creativecommons.org/licenses/");
    if (at < 0) {
      return NONE;
    }
    String rest = u.substring(at + "creativecommons.org/licenses/".length());
    int slash = rest.indexOf('/');
    String code = slash < 0 ? rest : rest.substring(0, slash);
    boolean nc = false;
    boolean nd = false;
    boolean sa = false;
    for (String clause : code.split("-", -1)) {
      switch (clause) {
        case "nc" -> nc = true;
        case "nd" -> nd = true;
        case "sa" -> sa = true;
        default -> {
          // "by" and unknown clauses do not restrict anything we filter on.
        }
      }
    }
    return new Licence(true, nc, nd, sa);
  }
}

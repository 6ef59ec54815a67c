package dev.stave.jamendo.api;

import dev.stave.access.App;
import java.util.Set;

/**
 * One Jamendo write method, such as {@code setuser/favorite} (spec §9): {@code POST} only, with
 * parameters from the query string, an urlencoded or a multipart body; answered with the envelope
 * and no results.
 */
public interface JamendoWriteMethod {
  /** Path below {@code /v3.0/}, e.g. {@code setuser/favorite}. */
  String path();

  /** Every parameter name the method accepts (others produce a warning). */
  Set<String> parameters();

  /**
   * Runs the method for the calling app (known and active).
   *
   * @throws JamendoException with the code of what is wrong
   */
  JamendoMethod.Result execute(JamendoParams params, App app);
}

package dev.stave.access.usage;

/**
 * Where a face reports each API request it answered, for the per-app usage counts of the developer
 * portal and the operator console. The core knows no dialect: the face names itself, its method and
 * its answer code as plain strings, so a new face (Subsonic…) needs no change here.
 */
public interface UsageRecorder {
  /** The client id recorded for a request that named no registered app. */
  String NO_APP = "";

  /**
   * Counts one answered request. Cheap (an in-memory increment); never throws.
   *
   * @param clientId the registered app the request named, or {@link #NO_APP}
   * @param dialect the face, e.g. {@code jamendo}
   * @param method the face's method, e.g. {@code tracks/file}; a bounded set of names (an unknown
   *     path is one name such as {@code unknown}), since every distinct name is a row
   * @param status the face's answer code, e.g. {@code 0} or {@code 404}
   * @param refused whether a rate limit or quota refused the request
   */
  void count(String clientId, String dialect, String method, String status, boolean refused);
}

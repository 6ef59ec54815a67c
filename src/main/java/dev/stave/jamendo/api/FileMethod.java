package dev.stave.jamendo.api;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code .../file} method (spec §8.2, §8.13, §8.20): it does not inherit its parent's parameters,
 * takes exactly one {@code id} and answers with an HTTP 302 redirect to the file or an HTTP 404.
 * Its parameter errors are envelopes in the requested {@code format} (where Jamendo answers HTTP
 * 500), so {@code format} and {@code callback} are accepted too.
 */
public abstract class FileMethod implements JamendoMethod {
  /** The zip format: Jamendo prints the enum as {@code mp3} and the text says mp32 (spec §6.2). */
  public static final List<String> ZIP_FORMATS = List.of("mp32", "mp3");

  private final String path;
  private final String itemName;
  private final Set<String> parameters;

  /** {@code own}: the parameters beside {@code client_id, format, callback, id}. */
  protected FileMethod(String path, String itemName, String... own) {
    this.path = path;
    this.itemName = itemName;
    Set<String> all = new HashSet<>(Set.of("client_id", "format", "callback", "id"));
    all.addAll(List.of(own));
    this.parameters = Set.copyOf(all);
  }

  @Override
  public final String path() {
    return path;
  }

  @Override
  public final Set<String> parameters() {
    return parameters;
  }

  @Override
  public final String itemName() {
    return itemName;
  }

  @Override
  public final Result execute(JamendoParams params) {
    List<Long> ids = params.integers("id");
    if (ids.isEmpty()) {
      throw JamendoException.required("id");
    }
    if (ids.size() > 1) {
      throw JamendoException.type("id", "takes exactly one id, got " + ids.size());
    }
    return answer(ids.getFirst(), params);
  }

  /** The redirect or 404 for the entity {@code id}; other parameters are checked here. */
  protected abstract Result answer(long id, JamendoParams params);

  /**
   * A zip's answer: 404 when the entity does not exist ({@code zipAllowed} empty) or may not be
   * downloaded, else a redirect to {@code url}. Checks {@code audioformat} (every zip is mp32).
   */
  protected Result zip(JamendoParams params, long id, Optional<Boolean> zipAllowed, String url) {
    params.oneOf("audioformat", ZIP_FORMATS);
    if (zipAllowed.isEmpty()) {
      return Result.notFound("no " + itemName + " " + id);
    }
    if (!zipAllowed.get()) {
      return Result.notFound(itemName + " " + id + " may not be downloaded");
    }
    return Result.redirect(url);
  }
}

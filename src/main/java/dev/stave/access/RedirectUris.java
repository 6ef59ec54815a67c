package dev.stave.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a string unfit to be an OAuth2 redirect URI, checked both when an app registers one
 * and when an authorize request names one, so that neither side can carry a path that a browser
 * would read differently from the server (RFC 9700 §4.1.3): a redirect URI must be absolute with a
 * host, carry no fragment (RFC 6749 §3.1.2), no dot segments ({@code /./}, {@code /../}), no
 * percent-encoded dot, slash or backslash ({@code %2e}, {@code %2f}, {@code %5c}) and no backslash.
 * The authorize request then matches the result against the registered URIs by exact string
 * comparison (see the README's "Apps, users and OAuth2").
 */
public final class RedirectUris {
  private static final Pattern ENCODED_SEPARATOR =
      Pattern.compile("%(2e|2f|5c)", Pattern.CASE_INSENSITIVE);

  private RedirectUris() {}

  /** Why {@code uri} cannot be a redirect URI, or empty when it can. */
  public static Optional<String> problem(String uri) {
    if (uri.indexOf('\\') >= 0) {
      return Optional.of("must not contain a backslash");
    }
    if (ENCODED_SEPARATOR.matcher(uri).find()) {
      return Optional.of("must not contain an encoded dot, slash or backslash (%2e, %2f, %5c)");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URI");
    }
    if (!parsed.isAbsolute() || parsed.getHost() == null) {
      return Optional.of("must be absolute, e.g. https://example.org/callback");
    }
    if (parsed.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    if (parsed.getRawPath() != null && hasDotSegment(parsed.getRawPath())) {
      return Optional.of("must not contain dot segments (/./ or /../)");
    }
    return Optional.empty();
  }

  private static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}

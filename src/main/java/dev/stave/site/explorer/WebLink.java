package dev.stave.site.explorer;

import dev.stave.catalog.ExternalIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A link to another site (an artist's website, a licence, a MusicBrainz or Spotify page). Catalog
 * fields come from imports, so a URL is only ever linked when it is an absolute {@code http} or
 * {@code https} URL: a {@code javascript:} or {@code data:} value in the catalog stays text.
 *
 * @param url the address, safe to put in an {@code href}
 * @param label what the link says
 */
public record WebLink(String url, String label) {
  /** {@code url} as a link labelled {@code label}, when it is a plain web address. */
  public static Optional<WebLink> of(String url, String label) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(new WebLink(uri.toString(), label));
      }
    } catch (URISyntaxException e) {
      // Not a URL: nothing to link.
    }
    return Optional.empty();
  }

  /**
   * A licence as people name it: {@code https://creativecommons.org/licenses/by-nc-sa/3.0/} is "CC
   * BY-NC-SA 3.0"; another URL is named by its host and path, no URL at all "Unknown licence".
   */
  public static String licenceName(String url) {
    if (url == null || url.isBlank()) {
      return "Unknown licence";
    }
    String u = url.trim();
    int at = u.toLowerCase(Locale.ROOT).indexOf("creativecommons.org/licenses/");
    if (at >= 0) {
      String[] parts = u.substring(at + "creativecommons.org/licenses/".length()).split("/");
      String code = parts.length > 0 ? parts[0].toUpperCase(Locale.ROOT) : "";
      String version = parts.length > 1 ? " " + parts[1] : "";
      return code.isEmpty() ? "Creative Commons" : "CC " + code + version;
    }
    if (u.toLowerCase(Locale.ROOT).contains("creativecommons.org/publicdomain/zero")) {
      return "CC0 (public domain)";
    }
    return u.replaceFirst("(?i)^https?://(www\\.)?", "").replaceFirst("/$", "");
  }

  /** The licence of {@code url}: a link when it is a web address, else just its name. */
  public static WebLink licence(String url) {
    String name = licenceName(url);
    return of(url, name).orElse(new WebLink(null, name));
  }

  /**
   * The entity's pages in other catalogs: Spotify ({@code kind} {@code artist} or {@code track})
   * and MusicBrainz ({@code artist} or {@code recording}), for the ids the catalog holds and that
   * look like ids of those catalogs.
   */
  public static List<WebLink> elsewhere(ExternalIds ids, String spotifyKind, String mbKind) {
    List<WebLink> links = new ArrayList<>();
    if (ids.spotifyId() != null && ids.spotifyId().matches("[A-Za-z0-9]{1,64}")) {
      links.add(
          new WebLink(
              "https://open.spotify.com/" + spotifyKind + "/" + ids.spotifyId(), "Spotify"));
    }
    if (ids.musicbrainzId() != null && ids.musicbrainzId().matches("[0-9a-fA-F-]{36}")) {
      links.add(
          new WebLink(
              "https://musicbrainz.org/" + mbKind + "/" + ids.musicbrainzId(), "MusicBrainz"));
    }
    return links;
  }
}

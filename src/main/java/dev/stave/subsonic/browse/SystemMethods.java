package dev.stave.subsonic.browse;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.config.PublicUrl;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicCode;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The methods about the server and the caller rather than the catalog: {@code ping}, {@code
 * getLicense}, {@code getOpenSubsonicExtensions}, {@code tokenInfo}, {@code getMusicFolders},
 * {@code getUser}, {@code getScanStatus} and {@code getInternetRadioStations} (Stave's radios, each
 * with the URL of its endless stream).
 */
@Component
class SystemMethods implements SubsonicMethods {
  /** The one music folder: Stave has one catalog. */
  static final int FOLDER_ID = 1;

  private static final int MAX_RADIOS = 1000;

  private final CatalogStore store;
  private final PublicUrl publicUrl;

  SystemMethods(CatalogStore store, PublicUrl publicUrl) {
    this.store = store;
    this.publicUrl = publicUrl;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("ping", r -> null);
    m.put("getLicense", r -> Node.of("license").attr("valid", true));
    m.put("getOpenSubsonicExtensions", r -> extensions());
    m.put("tokenInfo", r -> Node.of("tokenInfo").attr("username", r.caller().userName()));
    m.put(
        "getMusicFolders",
        r ->
            Node.of("musicFolders")
                .add(Node.of("musicFolder").attr("id", FOLDER_ID).attr("name", "Music")));
    m.put("getUser", this::user);
    m.put(
        "getScanStatus",
        r ->
            Node.of("scanStatus")
                .attr("scanning", false)
                .attr("count", store.count(CatalogStore.TRACKS)));
    m.put("getInternetRadioStations", r -> radios());
    return m;
  }

  /**
   * The OpenSubsonic extensions this server implements: API-key auth, form POST and song lyrics
   * (getLyricsBySongId).
   */
  private static Node extensions() {
    return Node.bareList(
        "openSubsonicExtensions",
        List.of("apiKeyAuthentication", "formPost", "songLyrics").stream()
            .map(name -> Node.of("openSubsonicExtensions").attr("name", name).value("versions", 1))
            .toList());
  }

  /**
   * The caller's own user; another user's is not given (code 50): Stave's accounts are listeners,
   * none administers the others through this API.
   */
  private Node user(SubsonicRequest r) {
    String name = r.required("username");
    if (!name.equalsIgnoreCase(r.caller().userName())) {
      throw new SubsonicException(
          SubsonicCode.NOT_AUTHORIZED,
          "parameter 'username': you may only read your own user, '" + r.caller().userName() + "'");
    }
    return Node.of("user")
        .attr("username", r.caller().userName())
        .attr("scrobblingEnabled", true)
        .attr("adminRole", false)
        .attr("settingsRole", false)
        .attr("downloadRole", true)
        .attr("uploadRole", false)
        .attr("playlistRole", true)
        .attr("coverArtRole", false)
        .attr("commentRole", false)
        .attr("podcastRole", false)
        .attr("streamRole", true)
        .attr("jukeboxRole", false)
        .attr("shareRole", false)
        .attr("videoConversionRole", false)
        .value("folder", FOLDER_ID);
  }

  private Node radios() {
    String base = publicUrl.base();
    Node n = Node.of("internetRadioStations");
    for (Radio radio : store.readFirst(EditorialTables.RADIOS, MAX_RADIOS)) {
      n.add(
          Node.of("internetRadioStation")
              .attr("id", Long.toString(radio.id()))
              .attr("name", radio.dispname())
              .attr("streamUrl", base + "/audio/radio/" + radio.id()));
    }
    return n.addAll("internetRadioStation", List.of());
  }
}

package dev.stave.reccobeats.api;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Track;
import dev.stave.config.PublicUrl;
import dev.stave.reccobeats.api.Views.AlbumView;
import dev.stave.reccobeats.api.Views.ArtistView;
import dev.stave.reccobeats.api.Views.AudioFeaturesView;
import dev.stave.reccobeats.api.Views.TrackView;
import dev.stave.search.CatalogSearch;
import dev.stave.search.TrackQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns catalog entities into the dialect's resource objects (spec §2).
 *
 * <p>{@code href}: {@code https://open.spotify.com/<kind>/<spotifyId>} exactly when the entity has
 * a Spotify id, as clients parse the Spotify id out of it; otherwise this server's own URL of the
 * entity, {@code <public-url>/v1/<kind>/<uuid>}, which answers with the same object.
 *
 * <p>Where the catalog lacks a field: tracks have no barcodes ({@code ean}, {@code upc} null),
 * albums no ISRC ({@code isrc} null) and no country list ({@code availableCountries} ""); a track
 * without a country list also gets ""; popularity is the catalog's 0–100 figure rounded. Album
 * types other than album, single and compilation are mapped as Spotify does: an EP is a single.
 */
@Component
public class Renderer {
  private static final String SPOTIFY = "https://open.spotify.com/";

  private final EntityCache entities;
  private final CatalogSearch search;
  private final PublicUrl publicUrl;

  public Renderer(EntityCache entities, CatalogSearch search, PublicUrl publicUrl) {
    this.entities = entities;
    this.search = search;
    this.publicUrl = publicUrl;
  }

  public List<TrackView> tracks(List<Track> tracks) {
    Map<Long, ArtistView> artists = artists(tracks.stream().flatMap(t -> t.artistIds().stream()));
    return tracks.stream()
        .map(
            t ->
                new TrackView(
                    t.uuid().toString(),
                    t.name(),
                    pick(artists, t.artistIds()),
                    t.durationMs(),
                    t.externalIds().isrc(),
                    null,
                    null,
                    href("track", t.uuid(), t.externalIds()),
                    t.availableCountries() == null ? "" : t.availableCountries(),
                    popularity(t.popularity())))
        .toList();
  }

  public TrackView track(Track t) {
    return tracks(List.of(t)).get(0);
  }

  public List<AlbumView> albums(List<Album> albums) {
    Map<Long, ArtistView> artists = artists(albums.stream().flatMap(a -> a.artistIds().stream()));
    return albums.stream()
        .map(
            a -> {
              ReleaseDate d = a.releaseDate();
              return new AlbumView(
                  a.uuid().toString(),
                  albumType(a.albumType()),
                  pick(artists, a.artistIds()),
                  totalTracks(a.id()),
                  href("album", a.uuid(), a.externalIds()),
                  a.name(),
                  "",
                  d == null ? null : d.date() + "T00:00:00",
                  d == null ? null : d.precision().wireName(),
                  null,
                  a.ean(),
                  a.upc(),
                  a.label(),
                  popularity(a.popularity()));
            })
        .toList();
  }

  public AlbumView album(Album a) {
    return albums(List.of(a)).get(0);
  }

  public List<ArtistView> artists(List<Artist> artists) {
    return artists.stream().map(this::artist).toList();
  }

  public ArtistView artist(Artist a) {
    return new ArtistView(a.uuid().toString(), a.name(), href("artist", a.uuid(), a.externalIds()));
  }

  /** The features of a track that has any, else null. */
  public AudioFeaturesView features(Track t) {
    AudioFeatures f = t.features();
    if (f.isEmpty()) {
      return null;
    }
    return new AudioFeaturesView(
        t.uuid().toString(),
        href("track", t.uuid(), t.externalIds()),
        t.externalIds().isrc(),
        f.acousticness(),
        f.danceability(),
        f.energy(),
        f.instrumentalness(),
        f.key(),
        f.liveness(),
        f.loudness(),
        f.mode(),
        f.speechiness(),
        f.tempo(),
        f.valence());
  }

  private String href(String kind, UUID uuid, ExternalIds ext) {
    String spotifyId = ext.spotifyId();
    if (spotifyId != null && !spotifyId.isBlank()) {
      return SPOTIFY + kind + "/" + spotifyId;
    }
    return publicUrl.base() + "/v1/" + kind + "/" + uuid;
  }

  private Map<Long, ArtistView> artists(java.util.stream.Stream<Long> ids) {
    Set<Long> distinct = new LinkedHashSet<>(ids.toList());
    Map<Long, ArtistView> out = new HashMap<>();
    entities.artists(distinct).forEach(a -> out.put(a.id(), artist(a)));
    return out;
  }

  private static List<ArtistView> pick(Map<Long, ArtistView> artists, Collection<Long> ids) {
    return ids.stream().map(artists::get).filter(java.util.Objects::nonNull).toList();
  }

  private int totalTracks(long albumId) {
    return (int)
        search.tracks(TrackQuery.builder().albumIds(Set.of(albumId)).page(0, 1).build()).total();
  }

  static String albumType(String stored) {
    return switch (stored == null ? "album" : stored) {
      case "single", "ep" -> "single";
      case "compilation" -> "compilation";
      default -> "album";
    };
  }

  static int popularity(double p) {
    return (int) Math.max(0, Math.min(100, Math.round(p)));
  }
}

package dev.stave.jamendo.api;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.UrlSigner;
import dev.stave.config.PublicUrl;
import java.util.Collection;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URLs the Jamendo dialect hands out, on this server's public URL ({@code stave.public-url}).
 * Jamendo's shapes (spec §6.3) name its own hosts; clients treat these values as opaque, so Stave
 * keeps the fields and points them at itself:
 *
 * <ul>
 *   <li>stream: {@code /audio/track/{id}/{format}}, download: {@code
 *       /audio/track/{id}/{format}/download}, album zip: {@code /audio/album/{id}/mp32/zip},
 *       playlist zip: {@code /audio/playlist/{id}/mp32/zip}, radio stream: {@code
 *       /audio/radio/{id}};
 *   <li>images: an entity's own image URL when the catalog has one (its {@code width} set to the
 *       requested size), otherwise {@code /images/{album|track|artist}/{id}?width=N};
 *   <li>share pages: {@code /track/{id}}, {@code /album/{id}}, {@code /artist/{id}}; short forms
 *       {@code /t/{id}}, {@code /l/a{id}}, {@code /a/{id}} as Jamendo's.
 * </ul>
 *
 * Audio URLs (streams, downloads, zips) carry an expiring signature ({@code ?exp=…&sig=…}, see
 * {@link UrlSigner}) so that a player fetches them without a client id and nobody can forge one. A
 * track without an audio file gets empty stream and download URLs ({@link AudioAvailability}), as
 * Jamendo's {@code audiodownload} is empty for a track that may not be downloaded: no URL is handed
 * out that would answer 404.
 */
@Component
public class JamendoLinks {
  private final PublicUrl publicUrl;
  private final UrlSigner signer;
  private final AudioAvailability audio;

  public JamendoLinks(PublicUrl publicUrl, UrlSigner signer, AudioAvailability audio) {
    this.publicUrl = publicUrl;
    this.signer = signer;
    this.audio = audio;
  }

  private String base() {
    return publicUrl.base();
  }

  /** The track's stream URL; empty when it has no audio file. */
  public String stream(long trackId, String format) {
    return hasAudio(trackId) ? signed("/audio/track/" + trackId + "/" + format) : "";
  }

  /** The track's download URL; empty when it has no audio file. */
  public String download(long trackId, String format) {
    return hasAudio(trackId) ? signed("/audio/track/" + trackId + "/" + format + "/download") : "";
  }

  /** Looks up at once whether each of a page's tracks has audio, before they are rendered. */
  public void prefetchAudio(Collection<Long> trackIds) {
    audio.prefetch(trackIds);
  }

  /** Whether the track has an audio file to stream. */
  public boolean hasAudio(long trackId) {
    return audio.has(trackId);
  }

  public String albumZip(long albumId) {
    return signed("/audio/album/" + albumId + "/mp32/zip");
  }

  public String playlistZip(long playlistId) {
    return signed("/audio/playlist/" + playlistId + "/mp32/zip");
  }

  private String signed(String path) {
    return base() + path + "?" + signer.query(path);
  }

  public String radioStream(long radioId) {
    return base() + "/audio/radio/" + radioId;
  }

  /** {@code stored} resized to {@code width}, or Stave's own image of the entity. */
  public String image(String kind, long id, String stored, String width) {
    if (stored != null && !stored.isBlank()) {
      return UriComponentsBuilder.fromUriString(stored)
          .replaceQueryParam("width", width)
          .build()
          .toUriString();
    }
    return base() + "/images/" + kind + "/" + id + "?width=" + width;
  }

  public String share(String kind, long id) {
    return base() + "/" + kind + "/" + id;
  }

  public String shortTrack(long id) {
    return base() + "/t/" + id;
  }

  public String shortAlbum(long id) {
    return base() + "/l/a" + id;
  }

  public String shortArtist(long id) {
    return base() + "/a/" + id;
  }

  /** Jamendo's short playlist link {@code /l/p{id}} (spec §6.3). */
  public String shortPlaylist(long id) {
    return base() + "/l/p" + id;
  }
}

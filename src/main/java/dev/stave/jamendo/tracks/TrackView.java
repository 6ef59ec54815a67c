package dev.stave.jamendo.tracks;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.Licence;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackStats;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A track as {@code /v3.0/tracks} writes it (spec §7.1): ids as strings, {@code duration} and
 * {@code position} as integers, {@code waveform} as a string holding JSON, the download URL empty
 * when downloads are not allowed, and the optional {@code musicinfo}, {@code licenses}, {@code
 * stats} and {@code lyrics} members asked for with {@code include}.
 */
public final class TrackView {
  /** The audio formats of {@code audioformat} and {@code audiodlformat} (spec §6.2). */
  public static final List<String> AUDIO_FORMATS = List.of("mp31", "mp32", "ogg", "flac");

  /** How the caller asked for tracks to be rendered. */
  public record Options(
      String imageSize, String audioFormat, String audioDlFormat, Set<String> include) {}

  /**
   * {@code imagesize}, {@code audioformat} (default mp31) and {@code audiodlformat} (default the
   * audioformat asked, else mp32) of a request; no {@code include}.
   */
  public static Options options(JamendoParams p) {
    String size = EntityParams.imageSize(p);
    Optional<String> audio = p.oneOf("audioformat", AUDIO_FORMATS);
    String dl = p.oneOf("audiodlformat", AUDIO_FORMATS).orElse(audio.orElse("mp32"));
    return new Options(size, audio.orElse("mp31"), dl, Set.of());
  }

  private TrackView() {}

  /**
   * A track nested in {@code albums/tracks} (spec §8.3): {@code count} (its rank in the album's
   * list, from 1), then everything but the download flag as strings.
   */
  public static Map<String, Object> inAlbum(Track t, int count, Options o, JamendoLinks links) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", String.valueOf(count));
    m.put("id", String.valueOf(t.id()));
    m.put("position", t.position() == null ? "0" : String.valueOf(t.position()));
    m.put("name", t.name());
    m.put("duration", String.valueOf(seconds(t)));
    m.put("license_ccurl", nullToEmpty(t.licenseUrl()));
    audio(m, t, o, links);
    m.put("audiodownload_allowed", t.flags().downloadAllowed());
    return m;
  }

  /** A track nested in {@code artists/tracks} (spec §8.6): strings but the download flag. */
  public static Map<String, Object> ofArtist(Track t, Album album, Options o, JamendoLinks links) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("album_id", album == null ? "" : String.valueOf(album.id()));
    m.put("album_name", album == null ? "" : album.name());
    m.put("id", String.valueOf(t.id()));
    m.put("name", t.name());
    m.put("duration", String.valueOf(seconds(t)));
    m.put("releasedate", t.releaseDate() == null ? "" : t.releaseDate().date().toString());
    m.put("license_ccurl", nullToEmpty(t.licenseUrl()));
    String albumImage = albumImage(album, o, links);
    m.put("album_image", albumImage);
    m.put("image", image(t, album, albumImage, o, links));
    audio(m, t, o, links);
    m.put("audiodownload_allowed", t.flags().downloadAllowed());
    return m;
  }

  private static int seconds(Track t) {
    return (int) Math.round(t.durationMs() / 1000.0);
  }

  private static String albumImage(Album album, Options o, JamendoLinks links) {
    return album == null ? "" : links.image("album", album.id(), album.image(), o.imageSize());
  }

  /** The album cover for album tracks, the track's own image for singles. */
  private static String image(
      Track t, Album album, String albumImage, Options o, JamendoLinks links) {
    return album == null ? links.image("track", t.id(), null, o.imageSize()) : albumImage;
  }

  /** {@code audio} and {@code audiodownload}, the latter empty when downloads are not allowed. */
  private static void audio(Map<String, Object> m, Track t, Options o, JamendoLinks links) {
    m.put("audio", links.stream(t.id(), o.audioFormat()));
    m.put(
        "audiodownload",
        t.flags().downloadAllowed() ? links.download(t.id(), o.audioDlFormat()) : "");
  }

  /**
   * A track as {@code /tracks} writes it; {@code waveform} is the peaks JSON of its audio file
   * ({@code {"peaks":[]}} until a scan computed them), kept a string as Jamendo's.
   */
  static Map<String, Object> render(
      Track t, Album album, Artist artist, String waveform, Options o, JamendoLinks links) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(t.id()));
    m.put("name", t.name());
    m.put("duration", seconds(t));
    m.put("artist_id", String.valueOf(t.primaryArtistId()));
    m.put("artist_name", artist == null ? "" : artist.name());
    m.put("artist_idstr", artist == null ? "" : artist.idstr());
    m.put("album_name", album == null ? "" : album.name());
    m.put("album_id", album == null ? "" : String.valueOf(album.id()));
    m.put("license_ccurl", nullToEmpty(t.licenseUrl()));
    m.put("position", t.position() == null ? 0 : t.position());
    m.put("releasedate", t.releaseDate() == null ? "" : t.releaseDate().date().toString());
    String albumImage = albumImage(album, o, links);
    m.put("album_image", albumImage);
    audio(m, t, o, links);
    m.put("prourl", "");
    m.put("shorturl", links.shortTrack(t.id()));
    m.put("shareurl", links.share("track", t.id()));
    m.put("waveform", waveform);
    m.put("image", image(t, album, albumImage, o, links));
    if (o.include().contains("musicinfo")) {
      m.put("musicinfo", musicinfo(t));
    }
    if (o.include().contains("licenses")) {
      m.put("licenses", licenses(t.licenseUrl()));
    }
    if (o.include().contains("stats")) {
      m.put("stats", stats(t.stats()));
    }
    if (o.include().contains("lyrics")) {
      m.put("lyrics", nullToEmpty(t.lyrics()));
    }
    m.put("audiodownload_allowed", t.flags().downloadAllowed());
    m.put("content_id_free", t.flags().contentIdFree());
    return m;
  }

  private static Map<String, Object> musicinfo(Track t) {
    MusicInfo mi = t.musicInfo();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("vocalinstrumental", nullToEmpty(mi.vocalInstrumental()));
    m.put("lang", nullToEmpty(mi.lang()));
    m.put("gender", nullToEmpty(mi.gender()));
    m.put("acousticelectric", nullToEmpty(mi.acousticElectric()));
    m.put("speed", nullToEmpty(mi.speed()));
    Map<String, Object> tags = new LinkedHashMap<>();
    tags.put("genres", tagNames(t.tags(), Tag.GENRE));
    tags.put("instruments", tagNames(t.tags(), Tag.INSTRUMENT));
    tags.put("vartags", tagNames(t.tags(), Tag.MOOD));
    m.put("tags", tags);
    return m;
  }

  private static List<String> tagNames(List<Tag> tags, String category) {
    return tags.stream().filter(g -> g.category().equals(category)).map(Tag::name).toList();
  }

  /**
   * Values are the strings {@code "true"}/{@code "false"}, as the newest client reads them (spec
   * §7.1). Stave has no professional licensing programmes, so those two are always false.
   */
  private static Map<String, Object> licenses(String url) {
    Licence l = Licence.of(url);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cc", String.valueOf(l.cc()));
    m.put("ccnc", String.valueOf(l.nc()));
    m.put("ccnd", String.valueOf(l.nd()));
    m.put("ccsa", String.valueOf(l.sa()));
    m.put("prolicensing", "false");
    m.put("probackground", "false");
    return m;
  }

  private static Map<String, Object> stats(TrackStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate_downloads_total", s.downloadsTotal());
    m.put("rate_listened_total", s.listensTotal());
    m.put("playlisted", s.playlisted());
    m.put("favorited", s.favorited());
    m.put("likes", s.likes());
    m.put("dislikes", s.dislikes());
    m.put("avgnote", s.avgNote() == null ? 0.0 : s.avgNote());
    m.put("notes", s.noteCount());
    return m;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

package dev.stave.jamendo.tracks;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.Licence;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackStats;
import dev.stave.jamendo.api.JamendoLinks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A track as {@code /v3.0/tracks} writes it (spec §7.1): ids as strings, {@code duration} and
 * {@code position} as integers, {@code waveform} as a string holding JSON, the download URL empty
 * when downloads are not allowed, and the optional {@code musicinfo}, {@code licenses}, {@code
 * stats} and {@code lyrics} members asked for with {@code include}.
 */
final class TrackView {
  /** How the caller asked for tracks to be rendered. */
  record Options(String imageSize, String audioFormat, String audioDlFormat, Set<String> include) {}

  /**
   * Peaks come from the audio analysis of the track's file; until a track has been analysed the
   * waveform holds no peaks.
   */
  private static final String NO_WAVEFORM = "{\"peaks\":[]}";

  private TrackView() {}

  static Map<String, Object> render(
      Track t, Album album, Artist artist, Options o, JamendoLinks links) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", String.valueOf(t.id()));
    m.put("name", t.name());
    m.put("duration", (int) Math.round(t.durationMs() / 1000.0));
    m.put("artist_id", String.valueOf(t.primaryArtistId()));
    m.put("artist_name", artist == null ? "" : artist.name());
    m.put("artist_idstr", artist == null ? "" : artist.idstr());
    m.put("album_name", album == null ? "" : album.name());
    m.put("album_id", album == null ? "" : String.valueOf(album.id()));
    m.put("license_ccurl", nullToEmpty(t.licenseUrl()));
    m.put("position", t.position() == null ? 0 : t.position());
    m.put("releasedate", t.releaseDate() == null ? "" : t.releaseDate().date().toString());
    String albumImage =
        album == null ? "" : links.image("album", album.id(), album.image(), o.imageSize());
    m.put("album_image", albumImage);
    m.put("audio", links.stream(t.id(), o.audioFormat()));
    m.put(
        "audiodownload",
        t.flags().downloadAllowed() ? links.download(t.id(), o.audioDlFormat()) : "");
    m.put("prourl", "");
    m.put("shorturl", links.shortTrack(t.id()));
    m.put("shareurl", links.share("track", t.id()));
    m.put("waveform", NO_WAVEFORM);
    m.put("image", album == null ? links.image("track", t.id(), null, o.imageSize()) : albumImage);
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

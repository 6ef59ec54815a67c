package dev.stave.search;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.AudioFeatures;
import dev.stave.catalog.CatalogBatch;
import dev.stave.catalog.ExternalIds;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.ReleaseDate;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.catalog.TrackStats;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-made catalog whose every expected query answer can be worked out by reading this
 * file: 3 artists, 3 albums, 8 tracks (101…108) covering each filter. Audio features differ only in
 * energy, so nearest-neighbour order is the order of |energy − target|.
 */
final class SampleCatalog {
  private SampleCatalog() {}

  static CatalogBatch batch() {
    List<Artist> artists =
        List.of(
            Artist.named(1, "Moonlight Orchestra"),
            Artist.named(2, "DJ Rainbow"),
            Artist.named(3, "Café Tacvba"));
    List<Album> albums =
        List.of(album(10, "Night Songs", 1), album(20, "Electric Dreams", 2), album(30, "Re", 3));
    List<Track> tracks = new ArrayList<>();
    tracks.add(
        track(
            101,
            "Moonlight Sonata",
            10L,
            List.of(1L),
            300,
            "2001-05-01",
            "https://creativecommons.org/licenses/by-nc-sa/3.0/",
            new MusicInfo("instrumental", null, null, "acoustic", "low"),
            tags("genre:classical", "instrument:piano", "mood:calm"),
            true,
            true,
            10,
            100,
            0.1));
    tracks.add(
        track(
            102,
            "Sonata for Rain",
            10L,
            List.of(1L),
            240,
            "2003-01-01",
            "https://creativecommons.org/licenses/by/4.0/",
            new MusicInfo("instrumental", null, null, "acoustic", "medium"),
            tags("genre:classical", "instrument:violin", "mood:sad"),
            false,
            true,
            50,
            5000,
            0.2));
    tracks.add(
        track(
            103,
            "Electric Love",
            20L,
            List.of(2L, 1L),
            200,
            "2010-06-15",
            "https://creativecommons.org/licenses/by-nd/4.0/",
            new MusicInfo("vocal", "en", "female", "electric", "high"),
            tags("genre:electronic", "mood:happy", "instrument:synthesizer"),
            false,
            false,
            90,
            100_000,
            0.8));
    tracks.add(
        track(
            104,
            "Love in the Rain",
            20L,
            List.of(2L),
            180,
            "2012-03-03",
            "http://creativecommons.org/licenses/by-sa/3.0/",
            new MusicInfo("vocal", "en", "male", "electric", "veryhigh"),
            tags("genre:pop", "mood:happy", "mood:romantic"),
            true,
            true,
            70,
            20_000,
            0.7));
    tracks.add(
        track(
            105,
            "Rainbow Road",
            20L,
            List.of(2L),
            150,
            "2015-07-07",
            "https://creativecommons.org/licenses/by-nc/4.0/",
            new MusicInfo("vocal", "fr", "female", "electric", "high"),
            tags("genre:electronic", "genre:pop", "mood:energetic"),
            false,
            true,
            30,
            300,
            0.75));
    tracks.add(
        track(
            106,
            "Ojalá que llueva café",
            30L,
            List.of(3L),
            260,
            "2018-09-09",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
            new MusicInfo("vocal", "es", "male", "acoustic", "medium"),
            tags("genre:latin", "mood:happy", "instrument:guitar"),
            false,
            true,
            60,
            8000,
            0.5));
    tracks.add(
        track(
            107,
            "Love Love Love",
            null,
            List.of(3L),
            120,
            "2020-02-02",
            null,
            new MusicInfo("vocal", "en", "female", "acoustic", "low"),
            tags("genre:pop", "mood:romantic", "mood:happy"),
            false,
            true,
            20,
            50,
            0.4));
    tracks.add(
        track(
            108,
            "Quiet Rain",
            10L,
            List.of(1L),
            400,
            "1999-12-31",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            new MusicInfo("instrumental", null, null, "acoustic", "verylow"),
            tags("genre:ambient", "mood:calm", "mood:sad", "instrument:piano"),
            false,
            true,
            5,
            10,
            0.05));
    return new CatalogBatch(artists, albums, tracks);
  }

  static Album album(long id, String name, long artistId) {
    return new Album(
        id,
        null,
        name,
        List.of(artistId),
        null,
        null,
        null,
        null,
        null,
        null,
        true,
        null,
        0,
        null,
        null);
  }

  static AudioFeatures features(double energy) {
    return new AudioFeatures(0.5, 0.5, energy, 0.1, 5, 0.1, -8.0, 1, 0.05, 120.0, 0.5);
  }

  static Track track(
      long id,
      String name,
      Long albumId,
      List<Long> artistIds,
      int seconds,
      String date,
      String licence,
      MusicInfo info,
      List<Tag> tags,
      boolean featured,
      boolean download,
      double popularity,
      long listensTotal,
      double energy) {
    return new Track(
        id,
        null,
        name,
        albumId,
        null,
        null,
        seconds * 1000L,
        ReleaseDate.parse(date),
        licence,
        info,
        null,
        new ExternalIds("sp" + id, "ISRC" + id, null),
        popularity,
        null,
        new TrackFlags(download, false, featured, false),
        new TrackStats(0, 0, listensTotal, 0, 0, 0, 0, 0, 0, 0, null, 0),
        features(energy),
        artistIds,
        tags);
  }

  static List<Tag> tags(String... specs) {
    List<Tag> out = new ArrayList<>();
    for (String s : specs) {
      int colon = s.indexOf(':');
      out.add(new Tag(s.substring(0, colon), s.substring(colon + 1)));
    }
    return out;
  }
}

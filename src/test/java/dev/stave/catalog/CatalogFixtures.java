package dev.stave.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Catalog entities with every field set (or deliberately null), for storage tests. */
public final class CatalogFixtures {
  private CatalogFixtures() {}

  public static Artist artist(long id, String name) {
    return new Artist(
        id,
        null,
        name,
        null,
        "https://example.org/" + id,
        LocalDate.of(2009, 3, 14),
        "https://img.example.org/artist/" + id + ".jpg",
        new ExternalIds("spA" + id, null, "00000000-0000-4000-8000-" + pad(id)),
        0.25,
        List.of(
            new Location("FRA", "Île-de-France", "Paris", 48.8566, 2.3522),
            new Location("DEU", null, null, null, null)),
        Map.of("en", "<p>An artist</p>", "fr", "<p>Un·e artiste</p>"));
  }

  public static Album album(long id, List<Long> artistIds, ReleaseDate date) {
    return new Album(
        id,
        null,
        "Album " + id,
        artistIds,
        date,
        "Label & Co",
        "compilation",
        "012345678905",
        "4006381333931",
        "https://img.example.org/album/" + id + ".jpg",
        false,
        new ExternalIds("spB" + id, null, "00000000-0000-4000-9000-" + pad(id)),
        0.75,
        Map.of("en", "An album", "es", "Un álbum"),
        List.of("ambient", "électronique", "rock"));
  }

  public static Track track(long id, Long albumId, List<Long> artistIds, AudioFeatures features) {
    return new Track(
        id,
        null,
        "Track " + id + " — ünïcødé",
        albumId,
        albumId == null ? null : 3,
        albumId == null ? null : 1,
        215_042,
        ReleaseDate.parse("2019-05"),
        "https://creativecommons.org/licenses/by-sa/3.0/",
        new MusicInfo("vocal", "fr", "female", "electric", "veryhigh"),
        "la la la",
        new ExternalIds("spT" + id, "FRZ031900012", "00000000-0000-4000-a000-" + pad(id)),
        0.5,
        "FR DE US",
        new TrackFlags(false, true, true, true),
        new TrackStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4.5, 11),
        features,
        artistIds,
        List.of(
            new Tag(Tag.GENRE, "electronic"),
            new Tag(Tag.GENRE, "pop"),
            new Tag(Tag.INSTRUMENT, "synthesizer"),
            new Tag(Tag.MOOD, "happy")));
  }

  /**
   * {@code t} as another track: {@code id} (a new one gets a new uuid), {@code name}, {@code
   * albumId}, {@code position} and whether it may be downloaded changed, all else kept.
   */
  public static Track copy(
      Track t, long id, String name, Long albumId, Integer position, boolean download) {
    return t.toBuilder()
        .id(id)
        .uuid(id == t.id() ? t.uuid() : null)
        .name(name)
        .albumId(albumId)
        .position(position)
        .flags(
            new TrackFlags(
                download, t.flags().contentIdFree(), t.flags().featured(), t.flags().explicit()))
        .build();
  }

  /** {@code a} under another name, every other component unchanged. */
  public static Album renamed(Album a, String name) {
    return new Album(
        a.id(),
        a.uuid(),
        name,
        a.artistIds(),
        a.releaseDate(),
        a.label(),
        a.albumType(),
        a.upc(),
        a.ean(),
        a.image(),
        a.zipAllowed(),
        a.externalIds(),
        a.popularity(),
        a.descriptions(),
        a.tags());
  }

  /** Every feature known, with zeros where zero is a real value distinct from unknown. */
  public static AudioFeatures features() {
    return new AudioFeatures(0.1, 0.2, 0.0, 0.4, 0, 0.6, -7.25, 0, 0.9, 121.5, 1.0);
  }

  /** A minimal track: defaults everywhere, no album, no release date, no features. */
  public static Track bareTrack(long id, long artistId) {
    return Track.builder().id(id).name("Bare " + id).artistIds(List.of(artistId)).build();
  }

  private static String pad(long id) {
    return String.format(java.util.Locale.ROOT, "%012d", id);
  }
}

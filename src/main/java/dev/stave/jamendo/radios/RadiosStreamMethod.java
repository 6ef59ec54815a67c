package dev.stave.jamendo.radios;

import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Radio;
import dev.stave.catalog.Track;
import dev.stave.jamendo.api.EntityParams;
import dev.stave.jamendo.api.JamendoCode;
import dev.stave.jamendo.api.JamendoException;
import dev.stave.jamendo.api.JamendoLinks;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoParams;
import dev.stave.radio.Programme;
import dev.stave.radio.RadioSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v3.0/radios/stream} (spec §8.16): the radios {@code id} or {@code name} select, each
 * with its {@code stream} URL on this server, the track {@code playingnow} and {@code callmeback},
 * the milliseconds until that track ends. What plays comes from the core {@link RadioSchedule}, so
 * every caller sees the same track at the same instant.
 *
 * <p>Where the spec is silent: a radio with no matching track answers {@code playingnow} with empty
 * strings and {@code callmeback} as {@code ""}, as the documentation sample does; {@code
 * track_imagesize} takes the cover sizes (default 300); the clock is the application's {@link
 * Clock} bean when one exists, else the system clock.
 */
@Component
public class RadiosStreamMethod implements JamendoMethod {
  private static final List<String> PLAYING_NOW =
      List.of(
          "track_id",
          "artist_id",
          "album_id",
          "album_name",
          "track_name",
          "track_image",
          "artist_name");

  private final CatalogStore store;

  /** The on-air track, its album and artist: read as every track page reads them (issue 15). */
  private final EntityCache entities;

  private final RadioSchedule schedule;
  private final JamendoLinks links;
  private final Clock clock;

  public RadiosStreamMethod(
      CatalogStore store,
      EntityCache entities,
      RadioSchedule schedule,
      JamendoLinks links,
      ObjectProvider<Clock> clock) {
    this.store = store;
    this.entities = entities;
    this.schedule = schedule;
    this.links = links;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public String path() {
    return "radios/stream";
  }

  @Override
  public Set<String> parameters() {
    return Set.of(
        "client_id",
        "format",
        "callback",
        "fullcount",
        "id",
        "type",
        "name",
        "imagesize",
        "track_imagesize");
  }

  @Override
  public String itemName() {
    return "radio";
  }

  @Override
  public Result execute(JamendoParams params) {
    if (!params.has("id") && !params.has("name")) {
      throw new JamendoException(
          JamendoCode.REQUIRED_PARAMETER, "one of the parameters 'id' or 'name' is required");
    }
    List<Radio> radios = RadiosMethod.matching(store, params).toList();
    String size = params.oneOf("imagesize", RadiosMethod.IMAGE_SIZES).orElse("150");
    String trackSize = params.oneOf("track_imagesize", EntityParams.COVER_SIZES).orElse("300");
    boolean fullcount = params.fullcount();
    Instant now = clock.instant();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Radio r : radios) {
      Map<String, Object> m = RadiosMethod.render(r, size);
      m.put("stream", links.radioStream(r.id()));
      Optional<Programme.Slot> slot = schedule.onAir(r, now);
      Optional<Track> track =
          slot.flatMap(s -> entities.tracks(List.of(s.trackId())).stream().findFirst());
      m.put(
          "playingnow",
          track.map(t -> playingNow(t, trackSize)).orElseGet(RadiosStreamMethod::silence));
      m.put("callmeback", track.isPresent() ? (Object) slot.get().remainingMs(now) : "");
      out.add(m);
    }
    return Result.of(out, fullcount ? (long) out.size() : null);
  }

  private Map<String, Object> playingNow(Track t, String size) {
    Album album =
        t.albumId() == null
            ? null
            : entities.albums(List.of(t.albumId())).stream().findFirst().orElse(null);
    Artist artist =
        entities.artists(List.of(t.primaryArtistId())).stream().findFirst().orElse(null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("track_id", String.valueOf(t.id()));
    m.put("artist_id", String.valueOf(t.primaryArtistId()));
    m.put("album_id", album == null ? "" : String.valueOf(album.id()));
    m.put("album_name", album == null ? "" : album.name());
    m.put("track_name", t.name());
    m.put(
        "track_image",
        album == null
            ? links.image("track", t.id(), null, size)
            : links.image("album", album.id(), album.image(), size));
    m.put("artist_name", artist == null ? "" : artist.name());
    return m;
  }

  private static Map<String, Object> silence() {
    Map<String, Object> m = new LinkedHashMap<>();
    PLAYING_NOW.forEach(f -> m.put(f, ""));
    return m;
  }
}

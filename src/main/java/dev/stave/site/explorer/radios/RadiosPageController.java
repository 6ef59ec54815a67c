package dev.stave.site.explorer.radios;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Radio;
import dev.stave.radio.Programme;
import dev.stave.radio.RadioSchedule;
import dev.stave.site.TrackRow;
import dev.stave.site.TrackRows;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /radios}: every radio with the track it plays now, from the core's {@link RadioSchedule}
 * (the schedule behind the radio streams and Jamendo's {@code radios/stream}), so the page, the
 * stream and the API agree on what is on air. The tracks on air are read in one query. The list
 * refreshes itself every half minute (htmx polling the same URL), and shows the whole list on
 * reload without script.
 */
@Controller
public class RadiosPageController {
  static final int MAX_RADIOS = 1_000;

  private final CatalogStore store;
  private final EntityCache entities;
  private final RadioSchedule schedule;
  private final TrackRows rows;
  private final Clock clock;

  public RadiosPageController(
      CatalogStore store,
      EntityCache entities,
      RadioSchedule schedule,
      TrackRows rows,
      ObjectProvider<Clock> clock) {
    this.store = store;
    this.entities = entities;
    this.schedule = schedule;
    this.rows = rows;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/radios")
  public String radios(Model model) {
    Instant now = clock.instant();
    List<Radio> radios = store.readFirst(EditorialTables.RADIOS, MAX_RADIOS);
    Map<Long, Programme.Slot> onAir = new LinkedHashMap<>();
    for (Radio r : radios) {
      schedule.onAir(r, now).ifPresent(slot -> onAir.put(r.id(), slot));
    }
    Map<Long, TrackRow> playing = new HashMap<>();
    rows.of(entities.tracks(onAir.values().stream().map(Programme.Slot::trackId).toList()))
        .forEach(row -> playing.put(row.id(), row));
    List<RadioCard> cards = new ArrayList<>();
    for (Radio r : radios) {
      Optional<Programme.Slot> slot = Optional.ofNullable(onAir.get(r.id()));
      cards.add(
          new RadioCard(
              r.id(),
              r.dispname(),
              r.tags(),
              slot.map(s -> playing.get(s.trackId())).orElse(null),
              slot.map(s -> now.toEpochMilli() - s.startMs()).orElse(0L)));
    }
    model.addAttribute("radios", cards);
    return "explorer/radios";
  }
}

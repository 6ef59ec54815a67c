package dev.stave.subsonic.library;

import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.subsonic.api.Node;
import dev.stave.subsonic.api.SubsonicException;
import dev.stave.subsonic.api.SubsonicMethods;
import dev.stave.subsonic.api.SubsonicRequest;
import dev.stave.subsonic.browse.SubsonicViews;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code savePlayQueue} and {@code getPlayQueue}: one saved queue per account, so that a listener
 * can carry on with another player where they left off. Saving without any {@code id} clears it.
 */
@Component
class PlayQueueMethods implements SubsonicMethods {
  private final EntityCache entities;
  private final PlayerState state;
  private final SubsonicViews views;

  PlayQueueMethods(EntityCache entities, PlayerState state, SubsonicViews views) {
    this.entities = entities;
    this.state = state;
    this.views = views;
  }

  @Override
  public Map<String, Method> methods() {
    Map<String, Method> m = new LinkedHashMap<>();
    m.put("getPlayQueue", this::get);
    m.put("savePlayQueue", this::save);
    return m;
  }

  private Node get(SubsonicRequest r) {
    Optional<PlayerState.PlayQueue> q = state.playQueue(r.userId());
    if (q.isEmpty() || q.get().trackIds().isEmpty()) {
      return null;
    }
    Map<Long, Track> byId = new HashMap<>();
    entities.tracks(q.get().trackIds()).forEach(t -> byId.put(t.id(), t));
    List<Track> entries =
        q.get().trackIds().stream().map(byId::get).filter(t -> t != null).toList();
    return Node.of("playQueue")
        .attr("current", q.get().currentId() == null ? null : q.get().currentId().toString())
        .attr("position", q.get().positionMs())
        .attr("username", r.caller().userName())
        .attr("changed", q.get().changed().toString())
        .attr("changedBy", q.get().changedBy())
        .addAll("entry", views.songs("entry", entries, r.userId()));
  }

  private Node save(SubsonicRequest r) {
    List<Long> ids = r.ids("id");
    if (entities.tracks(ids).size() < ids.stream().distinct().count()) {
      throw SubsonicException.notFound("song (parameter 'id')", ids);
    }
    Long current = r.id("current").orElse(null);
    if (current != null && !ids.contains(current)) {
      throw SubsonicException.invalid(
          "current", "must be one of the ids of the queue", current.toString());
    }
    long position = r.longValue("position").orElse(0L);
    if (position < 0) {
      throw SubsonicException.invalid("position", "must not be negative", Long.toString(position));
    }
    state.savePlayQueue(
        r.userId(),
        new PlayerState.PlayQueue(ids, current, position, Instant.now(), r.caller().client()));
    return null;
  }
}

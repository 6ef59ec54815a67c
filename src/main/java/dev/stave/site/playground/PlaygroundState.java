package dev.stave.site.playground;

import dev.stave.recommend.RecommendationRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Everything the playground shows, read from its URL, so that a state is a link: {@code
 * /playground?seed=12&seed=40&t=energy&energy=0.8&weight=3&q=night}. The same parameters come from
 * the GET form without script, from htmx when a slider moves, and from a shared link.
 *
 * <p>Parameters: {@code seed} (repeated, 1…{@value RecommendationRequest#MAX_SEEDS} track ids),
 * {@code t} (repeated: the targets switched on, by {@link Target#field()}), one parameter per
 * target holding its slider's value, {@code weight} (1…5: how much the targets weigh against the
 * seeds) and {@code q} (the text of the seed search). Bad values are not fatal: each is reported
 * next to its field ({@link #errors()}, keyed by parameter name) and left out, and the page shows
 * what the rest asks for.
 *
 * @param values every slider's position (its start unless the URL gives a valid value)
 * @param active the targets switched on, with their values
 */
public record PlaygroundState(
    List<Long> seeds,
    String q,
    Map<Target, Double> values,
    Map<Target, Double> active,
    double weight,
    Map<String, String> errors) {

  static final double DEFAULT_WEIGHT = 3;
  static final String PATH = "/playground";

  public PlaygroundState {
    seeds = List.copyOf(seeds);
    q = q == null ? "" : q.strip();
    values = Collections.unmodifiableMap(new EnumMap<>(values));
    active = Collections.unmodifiableMap(active.isEmpty() ? Map.of() : new EnumMap<>(active));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** Reads the playground's parameters, collecting what is wrong with them. */
  public static PlaygroundState parse(MultiValueMap<String, String> params) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<Long> seeds = new ArrayList<>();
    for (String raw : params.getOrDefault("seed", List.of())) {
      String s = raw.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (!s.matches("\\d{1,18}")) {
        errors.putIfAbsent("seed", "seed: “" + s + "” is not a track id.");
      } else if (!seeds.contains(Long.parseLong(s))) {
        seeds.add(Long.parseLong(s));
      }
    }
    if (seeds.size() > RecommendationRequest.MAX_SEEDS) {
      errors.put(
          "seed",
          "seed: at most "
              + RecommendationRequest.MAX_SEEDS
              + " seed tracks; the first "
              + RecommendationRequest.MAX_SEEDS
              + " are used.");
      seeds = new ArrayList<>(seeds.subList(0, RecommendationRequest.MAX_SEEDS));
    }
    Map<Target, Double> values = new EnumMap<>(Target.class);
    for (Target t : Target.values()) {
      values.put(t, t.start());
      String raw = params.getFirst(t.field());
      if (raw == null || raw.isBlank()) {
        continue;
      }
      try {
        double v = Double.parseDouble(raw.strip());
        if (t.accepts(v)) {
          values.put(t, v);
        } else {
          errors.put(
              t.field(),
              t.field()
                  + ": "
                  + raw.strip()
                  + " is outside "
                  + Target.plain(t.min())
                  + "…"
                  + Target.plain(t.max())
                  + ".");
        }
      } catch (NumberFormatException e) {
        errors.put(t.field(), t.field() + ": “" + raw.strip() + "” is not a number.");
      }
    }
    Map<Target, Double> active = new EnumMap<>(Target.class);
    for (String name : params.getOrDefault("t", List.of())) {
      Target.byParam(name.strip())
          .ifPresentOrElse(
              t -> {
                if (!errors.containsKey(t.field())) {
                  active.put(t, values.get(t));
                }
              },
              () -> errors.putIfAbsent("t", "t: “" + name + "” is not a target."));
    }
    double weight = DEFAULT_WEIGHT;
    String rawWeight = params.getFirst("weight");
    if (rawWeight != null && !rawWeight.isBlank()) {
      try {
        double w = Double.parseDouble(rawWeight.strip());
        if (w >= 1 && w <= 5) {
          weight = w;
        } else {
          errors.put("weight", "weight: " + rawWeight.strip() + " is outside 1…5.");
        }
      } catch (NumberFormatException e) {
        errors.put("weight", "weight: “" + rawWeight.strip() + "” is not a number.");
      }
    }
    return new PlaygroundState(seeds, params.getFirst("q"), values, active, weight, errors);
  }

  /** This state with one more seed (the search text cleared: its job is done). */
  public PlaygroundState withSeed(long id) {
    List<Long> more = new ArrayList<>(seeds);
    if (!more.contains(id)) {
      more.add(id);
    }
    return new PlaygroundState(more, "", values, active, weight, Map.of());
  }

  /** This state without a seed. */
  public PlaygroundState withoutSeed(long id) {
    List<Long> fewer = new ArrayList<>(seeds);
    fewer.remove(id);
    return new PlaygroundState(fewer, q, values, active, weight, Map.of());
  }

  public boolean full() {
    return seeds.size() >= RecommendationRequest.MAX_SEEDS;
  }

  public boolean isActive(Target t) {
    return active.containsKey(t);
  }

  /** The URL of this state (only the targets switched on carry their values). */
  public String href() {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(PATH);
    seeds.forEach(s -> b.queryParam("seed", s));
    active.forEach(
        (t, v) -> {
          b.queryParam("t", t.field());
          b.queryParam(t.field(), Target.plain(v));
        });
    if (weight != DEFAULT_WEIGHT) {
      b.queryParam("weight", Target.plain(weight));
    }
    if (!q.isEmpty()) {
      b.queryParam("q", q);
    }
    return b.encode().build().toUriString();
  }

  /** A slider's position as its {@code value} attribute. */
  public String value(Target t) {
    return Target.plain(values.get(t));
  }

  /** A slider's position as a person reads it. */
  public String shown(Target t) {
    return t.format(values.get(t));
  }

  public String weightValue() {
    return Target.plain(weight);
  }

  public String error(String param) {
    return errors.get(param);
  }
}

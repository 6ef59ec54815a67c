package dev.stave.reccobeats.track;

import dev.stave.catalog.AudioFeatures;
import dev.stave.reccobeats.api.Ids;
import dev.stave.reccobeats.api.ReccoBeatsCode;
import dev.stave.reccobeats.api.ReccoBeatsException;
import dev.stave.reccobeats.api.ValidationException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of {@code GET /v1/track/recommendation} (spec E6), bound together. A value
 * that is not a number is a 4002 (like every type mismatch of the dialect); {@link #validate()}
 * reports everything out of range at once in the validation envelope (4004), then the hand-written
 * check ReccoBeats documents separately: a {@code size} of 0 or less is a 4002 "Size must be a
 * greater than zero" (as with Spring's {@code @Validated}, constraint violations come before checks
 * in the method body).
 *
 * <p>Decided where the spec is silent: an absent {@code size} is {@value #DEFAULT_SIZE} (the docs
 * mark it required, the API Evangelist model shows 10; a default breaks no client); {@code
 * negativeSeeds} that leave no id after dropping empty pieces ({@code negativeSeeds=}) mean none;
 * {@code NaN} is out of every range.
 */
@ParameterObject
public record RecommendationParams(
    @Parameter(
            description = SEEDS,
            required = true,
            array = @ArraySchema(schema = @Schema(type = "string"), minItems = 1, maxItems = 5))
        List<String> seeds,
    @Parameter(
            description = NEGATIVE_SEEDS,
            array = @ArraySchema(schema = @Schema(type = "string"), maxItems = 5))
        List<String> negativeSeeds,
    @Parameter(
            description = "number of tracks, 1…100; fewer come back when fewer match",
            schema = @Schema(defaultValue = "10", minimum = "1", maximum = "100"))
        Integer size,
    @Parameter(description = RATIO) Double acousticness,
    @Parameter(description = RATIO) Double danceability,
    @Parameter(description = RATIO) Double energy,
    @Parameter(description = RATIO) Double instrumentalness,
    @Parameter(description = "target pitch class, −1 (none) … 11 (an int)") Integer key,
    @Parameter(description = RATIO) Double liveness,
    @Parameter(description = "target loudness in dB, −60…2 (a float)") Double loudness,
    @Parameter(description = "target modality, 0 (minor) or 1 (major)") Integer mode,
    @Parameter(description = RATIO) Double speechiness,
    @Parameter(description = "target tempo in BPM, 0…250 (a float)") Double tempo,
    @Parameter(description = RATIO) Double valence,
    @Parameter(description = "target popularity, 0…100 (an int)") Integer popularity,
    @Parameter(
            description =
                "1…5, how much the targets weigh against the seeds: each targeted feature becomes"
                    + " (seed mean + w·target) / (1 + w)",
            schema = @Schema(defaultValue = "1", minimum = "1", maximum = "5"))
        Double featureWeight) {

  public static final int MAX_SEEDS = 5;
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 10;

  static final String SEEDS =
      "1…5 track ids to resemble, ReccoBeats ids (UUIDs) or Spotify ids, repeated (seeds=a&seeds=b)"
          + " or comma-separated (seeds=a,b); unknown ids are ignored, none known is a 4002";
  static final String NEGATIVE_SEEDS =
      "1…5 track ids to steer away from, same forms as seeds; unknown ids are ignored";
  static final String RATIO = "target value, 0…1 (a float)";

  /** The validated request; {@code negativeSeeds} empty when none were given. */
  public record Valid(
      Ids seeds,
      Ids negativeSeeds,
      int size,
      AudioFeatures targets,
      Double popularity,
      double featureWeight) {}

  /** Checks every parameter; throws a 4001, a 4004 (everything out of range) or a 4002. */
  public Valid validate() {
    if (seeds == null) {
      // @RequestParam's own check, which a bound record does not have
      throw new ReccoBeatsException(
          ReccoBeatsCode.MISSING_PARAMETER, "Required request parameter 'seeds' is not present");
    }
    ValidationException.Collector checks = new ValidationException.Collector();
    Ids seedIds = Ids.parse("seeds", seeds, MAX_SEEDS, checks);
    List<String> negatives = Ids.pieces(negativeSeeds);
    if (!negatives.isEmpty()) {
      Ids.parse("negativeSeeds", negatives, MAX_SEEDS, checks);
    }
    int n = size == null ? DEFAULT_SIZE : size;
    if (n > MAX_SIZE) {
      checks.range("size", n, 1, MAX_SIZE);
    }
    checks
        .range("acousticness", acousticness, 0, 1)
        .range("danceability", danceability, 0, 1)
        .range("energy", energy, 0, 1)
        .range("instrumentalness", instrumentalness, 0, 1)
        .range("key", key, -1, 11)
        .range("liveness", liveness, 0, 1)
        .range("loudness", loudness, -60, 2)
        .range("mode", mode, 0, 1)
        .range("speechiness", speechiness, 0, 1)
        .range("tempo", tempo, 0, 250)
        .range("valence", valence, 0, 1)
        .range("popularity", popularity, 0, 100)
        .range("featureWeight", featureWeight, 1, 5)
        .check();
    if (n <= 0) {
      throw new ReccoBeatsException(ReccoBeatsCode.BAD_REQUEST, "Size must be a greater than zero");
    }
    return new Valid(
        seedIds,
        new Ids(negatives),
        n,
        AudioFeatures.builder()
            .acousticness(acousticness)
            .danceability(danceability)
            .energy(energy)
            .instrumentalness(instrumentalness)
            .key(key)
            .liveness(liveness)
            .loudness(loudness)
            .mode(mode)
            .speechiness(speechiness)
            .tempo(tempo)
            .valence(valence)
            .build(),
        popularity == null ? null : popularity.doubleValue(),
        featureWeight == null ? 1 : featureWeight);
  }
}

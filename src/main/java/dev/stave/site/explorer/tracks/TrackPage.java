package dev.stave.site.explorer.tracks;

import dev.stave.catalog.TrackStats;
import dev.stave.site.Durations;
import dev.stave.site.EntityLink;
import dev.stave.site.TrackRow;
import dev.stave.site.explorer.WebLink;
import java.util.List;

/**
 * What a track page shows.
 *
 * @param album null for a single
 * @param position its position on the album, null when unknown
 * @param released the release date as precise as the catalog knows it, empty when unknown
 * @param facts musicinfo and rights as label/value pairs ("Vocals": "instrumental")
 * @param waveform null when the track has no analysed audio
 * @param features null when the track has no audio features
 * @param isrc empty when unknown
 */
public record TrackPage(
    long id,
    String name,
    List<EntityLink> artists,
    EntityLink album,
    Integer position,
    long durationMs,
    String released,
    WebLink licence,
    List<String> genres,
    List<String> instruments,
    List<String> moods,
    List<Fact> facts,
    WaveformSvg waveform,
    FeatureChart features,
    TrackStats stats,
    List<WebLink> links,
    String isrc,
    String lyrics,
    boolean playable,
    List<TrackRow> similar) {
  /** A label and its value. */
  public record Fact(String label, String value) {}

  public TrackPage {
    artists = List.copyOf(artists);
    genres = List.copyOf(genres);
    instruments = List.copyOf(instruments);
    moods = List.copyOf(moods);
    facts = List.copyOf(facts);
    links = List.copyOf(links);
    similar = List.copyOf(similar);
  }

  public String duration() {
    return Durations.clock(durationMs);
  }

  public String durationWords() {
    return Durations.words(durationMs);
  }

  public String artistNames() {
    return String.join(", ", artists.stream().map(EntityLink::name).toList());
  }

  public boolean hasTags() {
    return !genres.isEmpty() || !instruments.isEmpty() || !moods.isEmpty();
  }

  public String similarIds() {
    return TrackRow.playableIds(similar);
  }
}

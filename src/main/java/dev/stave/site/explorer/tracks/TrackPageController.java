package dev.stave.site.explorer.tracks;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFileStore;
import dev.stave.catalog.Album;
import dev.stave.catalog.Artist;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.MusicInfo;
import dev.stave.catalog.Tag;
import dev.stave.catalog.Track;
import dev.stave.catalog.TrackFlags;
import dev.stave.recommend.Recommendation;
import dev.stave.recommend.RecommendationRequest;
import dev.stave.recommend.Recommender;
import dev.stave.site.EntityLink;
import dev.stave.site.PageNotFoundException;
import dev.stave.site.TrackRows;
import dev.stave.site.explorer.WebLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /tracks/{id}}: the track with its waveform (drawn from the stored peaks), licence, tags,
 * musicinfo, audio features as a chart, statistics, links to its album and artists, and similar
 * tracks from the core's recommender (the engine behind Jamendo's {@code tracks/similar}), given
 * the loaded track so it is not read again.
 */
@Controller
public class TrackPageController {
  static final int SIMILAR = 10;

  private final EntityCache entities;
  private final AudioFileStore audioFiles;
  private final AudioAvailability audio;
  private final Recommender recommender;
  private final TrackRows rows;

  public TrackPageController(
      EntityCache entities,
      AudioFileStore audioFiles,
      AudioAvailability audio,
      Recommender recommender,
      TrackRows rows) {
    this.entities = entities;
    this.audioFiles = audioFiles;
    this.audio = audio;
    this.recommender = recommender;
    this.rows = rows;
  }

  @GetMapping("/tracks/{id}")
  public String track(@PathVariable long id, Model model) {
    Track t =
        entities.tracks(List.of(id)).stream()
            .findFirst()
            .orElseThrow(() -> new PageNotFoundException("There is no track " + id + " here."));
    List<Artist> artists = entities.artists(t.artistIds());
    Album album =
        t.albumId() == null
            ? null
            : entities.albums(List.of(t.albumId())).stream().findFirst().orElse(null);
    List<Track> similar =
        entities.tracks(
            recommender
                .recommend(
                    RecommendationRequest.builder().seeds(id).size(SIMILAR).build(), List.of(t))
                .items()
                .stream()
                .map(Recommendation::trackId)
                .toList());
    String waveform = audioFiles.waveforms(List.of(id)).get(id);
    model.addAttribute(
        "track",
        new TrackPage(
            t.id(),
            t.name(),
            artists.stream().map(a -> new EntityLink(a.id(), a.name())).toList(),
            album == null ? null : new EntityLink(album.id(), album.name()),
            album == null ? null : t.position(),
            t.durationMs(),
            t.releaseDate() == null ? "" : t.releaseDate().asText(),
            WebLink.licence(t.licenseUrl()),
            tags(t, Tag.GENRE),
            tags(t, Tag.INSTRUMENT),
            tags(t, Tag.MOOD),
            facts(t.musicInfo(), t.flags()),
            WaveformSvg.of(waveform, t.name(), t.durationMs()).orElse(null),
            FeatureChart.of(t.features()).orElse(null),
            t.stats(),
            WebLink.elsewhere(t.externalIds(), "track", "recording"),
            t.externalIds().isrc() == null ? "" : t.externalIds().isrc(),
            t.lyrics() == null ? "" : t.lyrics().strip(),
            audio.has(t.id()),
            rows.of(similar, artists, album == null ? List.of() : List.of(album))));
    return "explorer/track";
  }

  private static List<String> tags(Track t, String category) {
    return t.tags().stream().filter(g -> g.category().equals(category)).map(Tag::name).toList();
  }

  /** Musicinfo (Jamendo's labels, derived from the features) and rights, where known. */
  static List<TrackPage.Fact> facts(MusicInfo m, TrackFlags flags) {
    List<TrackPage.Fact> facts = new ArrayList<>();
    add(facts, "Vocals", m.vocalInstrumental());
    add(facts, "Voice", m.gender());
    add(facts, "Language", language(m.lang()));
    add(facts, "Sound", m.acousticElectric());
    add(facts, "Speed", m.speed() == null ? null : m.speed().replace("very", "very "));
    facts.add(new TrackPage.Fact("Download", flags.downloadAllowed() ? "allowed" : "not allowed"));
    if (flags.explicit()) {
      facts.add(new TrackPage.Fact("Lyrics", "explicit"));
    }
    if (flags.featured()) {
      facts.add(new TrackPage.Fact("Featured", "by the editors"));
    }
    if (flags.contentIdFree()) {
      facts.add(new TrackPage.Fact("Content ID", "free"));
    }
    return facts;
  }

  private static void add(List<TrackPage.Fact> facts, String label, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(new TrackPage.Fact(label, value));
    }
  }

  /** An ISO 639-1 code in English ("fr" is "French"), the code itself when unknown. */
  static String language(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isBlank() ? code : name;
  }
}

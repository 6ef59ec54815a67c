package dev.stave.ingest.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary statistics of real catalogs that the generator draws from, read from {@code
 * demo/distributions.json} (produced by {@code tools/demo-distributions.py} from the shared
 * reference data: MTG-Jamendo tags and durations, Spotify-style audio features).
 *
 * @param featureNames audio features modelled jointly, in the order of the correlation matrix
 * @param featureQuantiles per feature, its 0th…100th percentiles
 * @param featureMeans per feature, the mean in the reference data (for tests and reports)
 * @param normalScoreCorrelation correlation of the features' normal scores (Gaussian copula)
 * @param keyFrequency share of each pitch class 0…11
 * @param majorModeShare share of tracks in major mode
 * @param durationSeconds percentiles of Jamendo track durations
 * @param tags per tag category (genre, instrument, mood), how tracks are tagged
 * @param tracksPerAlbum share of albums with 1, 2, … tracks
 * @param albumsPerArtist share of artists with 1, 2, … albums
 */
// Arrays: read-only after loading, never compared; the samplers copy what they keep.
@SuppressWarnings("ArrayRecordComponent")
record Distributions(
    List<String> featureNames,
    Map<String, Quantiles> featureQuantiles,
    Map<String, Double> featureMeans,
    double[][] normalScoreCorrelation,
    double[] keyFrequency,
    double majorModeShare,
    Quantiles durationSeconds,
    Map<String, TagCategory> tags,
    double[] tracksPerAlbum,
    double[] albumsPerArtist) {

  /**
   * How one tag category is used.
   *
   * @param trackShare share of tracks carrying at least one tag of the category
   * @param tagsPerTrack share of those tracks carrying 1, 2, … tags of it
   * @param frequency per tag, the share of the category's tracks that carry it
   */
  @SuppressWarnings("ArrayRecordComponent")
  record TagCategory(double trackShare, double[] tagsPerTrack, Map<String, Double> frequency) {}

  static final String RESOURCE = "/demo/distributions.json";

  private static final class Holder {
    static final Distributions INSTANCE = read();
  }

  /** The bundled statistics, parsed once per process. */
  static Distributions bundled() {
    return Holder.INSTANCE;
  }

  private static Distributions read() {
    try (InputStream in = Distributions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      JsonNode f = root.get("features");
      List<String> names = new ArrayList<>();
      f.get("names").forEach(n -> names.add(n.asString()));
      Map<String, Quantiles> quantiles = new LinkedHashMap<>();
      Map<String, Double> means = new LinkedHashMap<>();
      for (String name : names) {
        quantiles.put(name, new Quantiles(doubles(f.get("quantiles").get(name))));
        means.put(name, f.get("mean").get(name).doubleValue());
      }
      JsonNode corr = f.get("normalScoreCorrelation");
      double[][] matrix = new double[corr.size()][];
      for (int i = 0; i < matrix.length; i++) {
        matrix[i] = doubles(corr.get(i));
      }
      double[] keys = new double[12];
      for (Map.Entry<String, JsonNode> e : f.get("keyFrequency").properties()) {
        int key = Integer.parseInt(e.getKey());
        if (key >= 0 && key < 12) {
          keys[key] = e.getValue().doubleValue();
        }
      }
      JsonNode j = root.get("jamendo");
      Map<String, TagCategory> tags = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : j.get("tags").properties()) {
        Map<String, Double> freq = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> t : e.getValue().get("frequency").properties()) {
          freq.put(t.getKey(), t.getValue().doubleValue());
        }
        tags.put(
            e.getKey(),
            new TagCategory(
                e.getValue().get("trackShare").doubleValue(),
                doubles(e.getValue().get("tagsPerTrack")),
                freq));
      }
      return new Distributions(
          List.copyOf(names),
          quantiles,
          means,
          matrix,
          keys,
          f.get("majorModeFrequency").doubleValue(),
          new Quantiles(doubles(j.get("durationSecondsQuantiles"))),
          tags,
          doubles(j.get("tracksPerAlbumHistogram")),
          doubles(j.get("albumsPerArtistHistogram")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).doubleValue();
    }
    return out;
  }
}

package dev.stave.search;

/**
 * A similarity candidate with what ranking it needs, read from the index.
 *
 * @param id track id
 * @param artistId primary artist
 * @param albumId album, null for a single
 * @param popularity the catalog's popularity figure
 * @param vector normalised feature vector ({@link FeatureVector}), null when the track has none
 * @param facetScore sum of the query's facet weights the track carries
 * @param penaltyScore sum of the query's penalty weights the track carries
 */
public record Neighbour(
    long id,
    long artistId,
    Long albumId,
    double popularity,
    float[] vector,
    float facetScore,
    float penaltyScore) {}

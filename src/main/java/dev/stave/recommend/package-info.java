/**
 * Recommend: the similarity and recommendation engine behind Jamendo's {@code tracks/similar} and
 * ReccoBeats' {@code track/recommendation}.
 *
 * <p>{@link dev.stave.recommend.Recommender} ranks catalog tracks against seed tracks, negative
 * seeds and audio-feature targets ({@link dev.stave.recommend.RecommendationRequest}), blending
 * audio-feature similarity (candidates from the index's nearest-neighbour search) with tag and
 * musicinfo similarity (candidates from a weighted facet query), then spreading the list across
 * artists. The algorithm, its constants and its guarantees are described in {@code
 * docs/recommendation.md}. Nothing here knows HTTP or a dialect.
 */
package dev.stave.recommend;

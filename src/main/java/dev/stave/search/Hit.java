package dev.stave.search;

/**
 * One result: the entity id and, when the query ranked by relevance or similarity, its score
 * ({@link Float#NaN} otherwise). Similarity scores are {@code 1 / (1 + d²)} for the Euclidean
 * distance {@code d} between normalised feature vectors.
 */
public record Hit(long id, float score) {}

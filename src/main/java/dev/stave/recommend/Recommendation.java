package dev.stave.recommend;

/** One recommended track and its score, in (0, 1]: 1 means as close to the seeds as can be. */
public record Recommendation(long trackId, double score) {}

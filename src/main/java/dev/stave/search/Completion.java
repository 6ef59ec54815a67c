package dev.stave.search;

/**
 * One autocompletion: a name (or tag) that starts with the typed prefix, and how many tracks,
 * albums or artists carry it. For names, {@code id} is one entity of that name, so callers can show
 * its exact spelling; for tags it is 0.
 */
public record Completion(String match, long count, long id) {}

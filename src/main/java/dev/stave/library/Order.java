package dev.stave.library;

/** One sort key of a library read. */
public record Order<F extends Enum<F>>(F field, boolean descending) {}

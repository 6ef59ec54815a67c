package dev.stave.catalog;

/** One entry of the change log: entity {@code kind} (track, album, artist) {@code id} changed. */
public record Change(long seq, String kind, long id) {}

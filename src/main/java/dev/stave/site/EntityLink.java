package dev.stave.site;

/**
 * An artist or album as a page links to it: its id (for the URL) and its name (the link text,
 * escaped by the template like every catalog text).
 */
public record EntityLink(long id, String name) {}

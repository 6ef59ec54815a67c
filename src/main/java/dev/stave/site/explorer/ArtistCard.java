package dev.stave.site.explorer;

/**
 * An artist in a list of artists (search results, popular artists): name and where they are based.
 *
 * @param place "City, COUNTRY" of the first location, empty when none is known
 */
public record ArtistCard(long id, String name, String place) {}

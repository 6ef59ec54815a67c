package dev.stave.site.explorer;

/**
 * A playlist in a list of playlists: name, who made it, how many tracks.
 *
 * @param owner the user's display name, empty when the playlist has no (known) owner
 */
public record PlaylistCard(long id, String name, String owner, int tracks) {}

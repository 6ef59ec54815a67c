/**
 * The catalog explorer (issue 13 item 2): search as you type with results by kind, and a page for
 * every artist, album, track and playlist, and the radios with what plays now. One subpackage per
 * page; what several pages share (cards, links to other sites) lives here, and what the playground
 * shares too (a list of tracks with their artists and albums: {@code site.TrackRows}; durations)
 * lives in {@code dev.stave.site}.
 *
 * <p>Every page reads the catalog through the core services the dialects use ({@code CatalogSearch}
 * for lists and search, {@code EntityCache} for tracks, albums and artists (a write shows in the
 * next request, see its Javadoc), {@code LibraryStore} for playlists, {@code RadioSchedule}, {@code
 * Recommender}, the audio services), loads each entity once per request and hydrates lists in one
 * read per kind. Pages never build audio URLs: they name track ids in the play-button fragments and
 * the player asks for the rest.
 */
package dev.stave.site.explorer;

/**
 * Search: the embedded Lucene index that answers every catalog read, and the dialect-neutral query
 * API over it.
 *
 * <ul>
 *   <li>{@link dev.stave.search.SearchIndex} keeps the index (one document per track, album and
 *       artist under {@code <data-dir>/index}) a projection of the SQL store by following its
 *       change log; it rebuilds into a new generation and swaps it in atomically.
 *   <li>{@link dev.stave.search.CatalogSearch} answers {@link dev.stave.search.TrackQuery} and
 *       {@link dev.stave.search.EntityQuery} (albums, artists) with ids in order, the exact total
 *       and scores; callers hydrate the ids through {@code CatalogStore}.
 * </ul>
 *
 * <p>Nothing here knows a dialect: Jamendo and ReccoBeats parameters are mapped onto these records
 * by their own packages.
 */
package dev.stave.search;

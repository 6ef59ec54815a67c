/**
 * Backup and restore of a data directory: a consistent online copy of the SQLite store, the audio
 * signing key and the configuration files, and their restore into an empty data directory. Kept
 * apart from the store itself because it works on files and on the store as a whole, never on its
 * entities.
 */
package dev.stave.backup;

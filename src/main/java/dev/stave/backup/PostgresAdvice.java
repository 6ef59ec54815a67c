package dev.stave.backup;

/**
 * What to do instead of {@code stave backup} / {@code restore} on PostgreSQL, where the database is
 * the operator's own server and {@code pg_dump} is the consistent online copy.
 */
public final class PostgresAdvice {
  public static final String TEXT =
      """
      The store is PostgreSQL: stave backup and restore handle only SQLite stores. Back it up
      with PostgreSQL's own tools, which take a consistent copy while the server runs:
        pg_dump --format=custom --file=stave.pgdump "$STAVE_DB_URL without the jdbc: prefix"
      and restore it into an empty database with pg_restore --dbname=... stave.pgdump.
      Keep beside the dump: the audio signing key (DATA/audio-signing.key, or the setting
      STAVE_AUDIO_SIGNING_KEY) and your configuration (application.properties, STAVE_* variables).
      The search index needs no backup: `stave index rebuild` (or the first start) rebuilds it.""";

  private PostgresAdvice() {}
}

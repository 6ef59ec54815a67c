-- Stave catalog schema. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Vendor-specific DDL lives in db/migration/{sqlite,postgresql}.
-- Placeholders (set per database by FlywayPlaceholders): ${id_type} is INTEGER on SQLite, so the
-- id is the table's rowid and needs no second B-tree, and BIGINT on PostgreSQL; ${without_rowid}
-- makes SQLite store relation rows in their primary-key B-tree only.
-- Text columns are TEXT (no length limits: PostgreSQL would enforce them, SQLite would not).
-- Ids are assigned by Stave (or carried over from the source, e.g. real Jamendo ids);
-- uuid is issued once on creation and never changed afterwards.

CREATE TABLE artists (
  id             ${id_type} PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  idstr          TEXT NOT NULL,
  website        TEXT,
  join_date      TEXT,
  image          TEXT,
  spotify_id     TEXT,
  musicbrainz_id TEXT,
  popularity     DOUBLE PRECISION NOT NULL DEFAULT 0,
  content_hash   BIGINT NOT NULL
);
CREATE INDEX artists_spotify ON artists (spotify_id);
CREATE INDEX artists_idstr ON artists (idstr);
CREATE INDEX artists_name ON artists (name);

CREATE TABLE artist_locations (
  artist_id BIGINT NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
  ordinal   INTEGER NOT NULL,
  country   TEXT,
  state     TEXT,
  city      TEXT,
  latitude  DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  PRIMARY KEY (artist_id, ordinal)
) ${without_rowid};

CREATE TABLE artist_descriptions (
  artist_id BIGINT NOT NULL REFERENCES artists (id) ON DELETE CASCADE,
  lang      TEXT NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (artist_id, lang)
) ${without_rowid};

CREATE TABLE albums (
  id                     ${id_type} PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  artist_id              BIGINT REFERENCES artists (id),
  release_date           TEXT,
  release_date_precision TEXT,
  label                  TEXT,
  album_type             TEXT NOT NULL DEFAULT 'album',
  upc                    TEXT,
  ean                    TEXT,
  image                  TEXT,
  zip_allowed            BOOLEAN NOT NULL DEFAULT TRUE,
  spotify_id             TEXT,
  musicbrainz_id         TEXT,
  popularity             DOUBLE PRECISION NOT NULL DEFAULT 0,
  content_hash           BIGINT NOT NULL
);
CREATE INDEX albums_artist ON albums (artist_id, name);
CREATE INDEX albums_spotify ON albums (spotify_id);

CREATE TABLE album_artists (
  album_id  BIGINT NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  artist_id BIGINT NOT NULL REFERENCES artists (id),
  PRIMARY KEY (album_id, position)
) ${without_rowid};

CREATE TABLE album_descriptions (
  album_id BIGINT NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
  lang     TEXT NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (album_id, lang)
) ${without_rowid};

CREATE TABLE album_tags (
  album_id BIGINT NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (album_id, tag)
) ${without_rowid};

CREATE TABLE tracks (
  id                     ${id_type} PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  album_id               BIGINT REFERENCES albums (id),
  position               INTEGER,
  disc                   INTEGER,
  duration_ms            BIGINT NOT NULL DEFAULT 0,
  release_date           TEXT,
  release_date_precision TEXT,
  license_url            TEXT,
  vocal_instrumental     TEXT,
  lang                   TEXT,
  gender                 TEXT,
  acoustic_electric      TEXT,
  speed                  TEXT,
  lyrics                 TEXT,
  isrc                   TEXT,
  spotify_id             TEXT,
  musicbrainz_id         TEXT,
  popularity             DOUBLE PRECISION NOT NULL DEFAULT 0,
  available_countries    TEXT,
  download_allowed       BOOLEAN NOT NULL DEFAULT TRUE,
  content_id_free        BOOLEAN NOT NULL DEFAULT FALSE,
  featured               BOOLEAN NOT NULL DEFAULT FALSE,
  explicit               BOOLEAN NOT NULL DEFAULT FALSE,
  listens_week           BIGINT NOT NULL DEFAULT 0,
  listens_month          BIGINT NOT NULL DEFAULT 0,
  listens_total          BIGINT NOT NULL DEFAULT 0,
  downloads_week         BIGINT NOT NULL DEFAULT 0,
  downloads_month        BIGINT NOT NULL DEFAULT 0,
  downloads_total        BIGINT NOT NULL DEFAULT 0,
  playlisted             BIGINT NOT NULL DEFAULT 0,
  favorited              BIGINT NOT NULL DEFAULT 0,
  likes                  BIGINT NOT NULL DEFAULT 0,
  dislikes               BIGINT NOT NULL DEFAULT 0,
  avg_note               DOUBLE PRECISION,
  note_count             BIGINT NOT NULL DEFAULT 0,
  acousticness           DOUBLE PRECISION,
  danceability           DOUBLE PRECISION,
  energy                 DOUBLE PRECISION,
  instrumentalness       DOUBLE PRECISION,
  musical_key            INTEGER,
  liveness               DOUBLE PRECISION,
  loudness               DOUBLE PRECISION,
  mode                   INTEGER,
  speechiness            DOUBLE PRECISION,
  tempo                  DOUBLE PRECISION,
  valence                DOUBLE PRECISION,
  content_hash           BIGINT NOT NULL
);
CREATE INDEX tracks_album ON tracks (album_id);
CREATE INDEX tracks_spotify ON tracks (spotify_id);
CREATE INDEX tracks_isrc ON tracks (isrc);

CREATE TABLE track_artists (
  track_id  BIGINT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  artist_id BIGINT NOT NULL REFERENCES artists (id),
  PRIMARY KEY (track_id, position)
) ${without_rowid};
CREATE INDEX track_artists_artist ON track_artists (artist_id);

-- category: genre | instrument | mood (Jamendo's vartags: moods, themes and other tags)
CREATE TABLE track_tags (
  track_id BIGINT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  tag      TEXT NOT NULL,
  PRIMARY KEY (track_id, category, tag)
) ${without_rowid};

CREATE TABLE users (
  id            ${id_type} PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL UNIQUE,
  dispname      TEXT,
  email         TEXT UNIQUE,
  lang          TEXT,
  creation_date TEXT,
  image         TEXT,
  content_hash  BIGINT NOT NULL
);

CREATE TABLE playlists (
  id            ${id_type} PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  user_id       BIGINT REFERENCES users (id),
  creation_date TEXT,
  zip_allowed   BOOLEAN NOT NULL DEFAULT TRUE,
  content_hash  BIGINT NOT NULL
);

CREATE TABLE playlist_tracks (
  playlist_id BIGINT NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  track_id    BIGINT NOT NULL REFERENCES tracks (id),
  PRIMARY KEY (playlist_id, position)
) ${without_rowid};

-- entity_type: album | track
CREATE TABLE reviews (
  id           ${id_type} PRIMARY KEY,
  entity_type  TEXT NOT NULL,
  entity_id    BIGINT NOT NULL,
  user_id      BIGINT REFERENCES users (id),
  title        TEXT,
  text         TEXT,
  score        DOUBLE PRECISION,
  lang         TEXT,
  date_added   TEXT,
  agree_count  BIGINT NOT NULL DEFAULT 0,
  content_hash BIGINT NOT NULL
);
CREATE INDEX reviews_entity ON reviews (entity_type, entity_id);

-- A server-side radio: a named stream whose programme is drawn from tracks matching its tags.
CREATE TABLE radios (
  id           ${id_type} PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  dispname     TEXT NOT NULL,
  type         TEXT NOT NULL DEFAULT 'www',
  image        TEXT,
  tags         TEXT,
  content_hash BIGINT NOT NULL
);

-- title/text/subtitle are JSON objects keyed by language.
CREATE TABLE feeds (
  id           ${id_type} PRIMARY KEY,
  type         TEXT NOT NULL,
  title        TEXT NOT NULL,
  text         TEXT,
  subtitle     TEXT,
  link         TEXT,
  position     INTEGER NOT NULL DEFAULT 0,
  langs        TEXT,
  date_start   TEXT,
  date_end     TEXT,
  target       TEXT,
  join_id      BIGINT,
  image        TEXT,
  content_hash BIGINT NOT NULL
);

CREATE TABLE apps (
  client_id  TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  state      TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Where an interrupted import resumes: one row per (format, source fingerprint).
CREATE TABLE import_checkpoints (
  source_key TEXT PRIMARY KEY,
  position   BIGINT NOT NULL,
  completed  BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at TEXT NOT NULL
);

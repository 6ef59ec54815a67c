-- Audio files found by `stave scan` under the audio roots, each linked to its catalog track.
-- A rescan skips a file whose size and modification time are unchanged; content_hash (SHA-256)
-- recognises a file that moved. A file gone from disk keeps its row with present = FALSE, so
-- that it is recognised if it comes back, and its track stays in the catalog without audio.
-- owns_track: the scan created the track and keeps its metadata in step with the tags; FALSE
-- when the file was matched to a track that came from elsewhere (an import, by ISRC).
CREATE TABLE audio_files (
  path         TEXT PRIMARY KEY,
  size         BIGINT NOT NULL,
  mtime_ms     BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  track_id     BIGINT NOT NULL REFERENCES tracks (id),
  owns_track   BOOLEAN NOT NULL,
  duration_ms  BIGINT NOT NULL,
  codec        TEXT NOT NULL,
  container    TEXT NOT NULL,
  bitrate_kbps INTEGER NOT NULL,
  sample_rate  INTEGER,
  channels     INTEGER,
  has_cover    BOOLEAN NOT NULL,
  present      BOOLEAN NOT NULL,
  scanned_at   TEXT NOT NULL
);
CREATE INDEX audio_files_track ON audio_files (track_id);
CREATE INDEX audio_files_hash ON audio_files (content_hash);

-- Folders `stave scan` was given: rescanned by a bare `stave scan`, and served from.
CREATE TABLE audio_roots (
  path     TEXT PRIMARY KEY,
  added_at TEXT NOT NULL
);

-- Where an imported track's audio is expected: a path relative to an audio root, named by the
-- import (MTG-Jamendo's PATH column, the jsonl `audio` field). `stave scan` attaches the file found
-- at that path to the track (the first of its linking rules); the link then lives in audio_files
-- like every other, so moving the file keeps it (recognised by content hash).
CREATE TABLE track_audio_paths (
  track_id BIGINT PRIMARY KEY REFERENCES tracks (id) ON DELETE CASCADE,
  path     TEXT NOT NULL
);
CREATE INDEX track_audio_paths_path ON track_audio_paths (path);

-- The other linking rules of `stave scan` look tracks up by MusicBrainz recording id and by name.
CREATE INDEX tracks_musicbrainz ON tracks (musicbrainz_id);
CREATE INDEX tracks_name ON tracks (name);

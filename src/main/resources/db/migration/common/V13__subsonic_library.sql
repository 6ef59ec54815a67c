-- Subsonic dialect: what players keep per user beyond the shared library (favorites, playlists
-- and listen counters are the shared ones).
-- A user's rating (1-5) of a song, album or artist (setRating); rating 0 deletes the row.
CREATE TABLE subsonic_ratings (
  user_id      BIGINT NOT NULL,
  kind         VARCHAR(8) NOT NULL,
  target_id    BIGINT NOT NULL,
  rating       INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind, target_id)
);

-- A user's saved play queue (savePlayQueue / getPlayQueue): one per user.
CREATE TABLE subsonic_play_queues (
  user_id      BIGINT PRIMARY KEY,
  track_ids    TEXT NOT NULL,
  current_id   BIGINT,
  position_ms  BIGINT NOT NULL DEFAULT 0,
  changed_at   TEXT NOT NULL,
  changed_by   VARCHAR(200) NOT NULL
);

-- When a user last played (scrobbled) a track of each album, for getAlbumList2 type=recent.
CREATE TABLE subsonic_recent_albums (
  user_id      BIGINT NOT NULL,
  album_id     BIGINT NOT NULL,
  played_at    TEXT NOT NULL,
  PRIMARY KEY (user_id, album_id)
);

-- Users' relations to the catalog and the dates tracks were added to playlists. Portable SQL, as
-- V1 (same placeholders).
--
-- relation: fan (target: an artist), myalbum (an album), favorite | like | dislike (a track).
-- target_id has no foreign key on purpose: Jamendo accepts a relation to an id that does not exist
-- and simply never shows it (spec §9.1), so reads join the catalog table. updated_at is when the
-- relation was (last) established, 'yyyy-mm-dd hh:mm:ss' in UTC, so text order is time order.
CREATE TABLE user_relations (
  user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  relation   TEXT NOT NULL,
  target_id  BIGINT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, relation, target_id)
) ${without_rowid};
-- who is a fan of an artist, who favorited a track (counters, reverse lookups)
CREATE INDEX user_relations_target ON user_relations (relation, target_id);

-- yyyy-mm-dd; null when the source did not say
ALTER TABLE playlist_tracks ADD COLUMN added_date TEXT;

-- playlists?user_id=, ?user_name= (joined through users.name, unique) and ?name=
CREATE INDEX playlists_user ON playlists (user_id, id);
CREATE INDEX playlists_name ON playlists (name);

-- reviews/*?user_id= and users/tracks (a user's track reviews); the newest reviews of a kind
CREATE INDEX reviews_user ON reviews (user_id, entity_type);
CREATE INDEX reviews_date ON reviews (entity_type, date_added);

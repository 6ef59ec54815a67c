-- Waveform peaks of audio content, computed once per content hash (a moved or duplicated file
-- shares them): peaks is Jamendo's waveform JSON, {"peaks":[0..100,…]}, served as a string.
CREATE TABLE audio_waveforms (
  content_hash TEXT PRIMARY KEY,
  peaks        TEXT NOT NULL,
  computed_at  TEXT NOT NULL
);

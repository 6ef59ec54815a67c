-- How each track's stored audio features were analysed (AnalysisWindow): mode 'window' (a
-- representative stretch, the default) or 'whole' (the whole track, or a track no longer than the
-- window); excerpt: the stretches decoded, seconds from the start + length, e.g. '90.0+30.0'.
-- Written in the transaction that stores the features. `stave analyze --whole-track` re-analyses
-- the tracks recorded as 'window'. Tracks whose features came from an import have no row.
CREATE TABLE track_analysis (
  track_id    BIGINT PRIMARY KEY,
  mode        TEXT NOT NULL,
  excerpt     TEXT NOT NULL,
  analysed_at TEXT NOT NULL
);
CREATE INDEX track_analysis_mode ON track_analysis (mode);

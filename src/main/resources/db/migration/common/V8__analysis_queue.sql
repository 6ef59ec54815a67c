-- Tracks whose audio a scan found new or changed, waiting for analysis by `stave serve`'s
-- background worker or by `stave analyze`. Written in the scan batch's own transaction, so a scan
-- that reported its files never loses their queued analysis. version grows on every re-queue: an
-- analysis removes the row only at the version it read before decoding, so a file that changes
-- while it is being analysed stays queued. error: why the last attempt failed; the worker leaves
-- such a row until the file changes again (re-queued) or `stave analyze` retries it.
CREATE TABLE analysis_queue (
  track_id  BIGINT PRIMARY KEY,
  version   BIGINT NOT NULL,
  queued_at TEXT NOT NULL,
  error     TEXT
);
CREATE INDEX analysis_queue_order ON analysis_queue (queued_at, track_id);

-- Bucket4j's token buckets, shared by every node on this database, so that a limit holds across
-- nodes (dev.stave.access.limits.PostgresBuckets). One row per key (a caller address, an app, an
-- app's month); expires_at (epoch millis) lets expired rows be swept. SQLite keeps buckets in
-- memory instead.
CREATE TABLE rate_limit_buckets (
  id         TEXT PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);

-- Per-app rate-limit overrides, set with `stave apps set-limits`. NULL: the server's default
-- (stave.limits.app.*); 0: no limit.
ALTER TABLE apps ADD COLUMN rate_per_minute BIGINT;
ALTER TABLE apps ADD COLUMN monthly_quota BIGINT;

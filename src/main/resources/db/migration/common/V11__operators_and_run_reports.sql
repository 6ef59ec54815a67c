-- The operator console (issue 13 item 4).
--
-- operator: the account may open /console (granted authority ROLE_OPERATOR), set with
-- `stave users grant-operator NAME` / `revoke-operator NAME`. A flag rather than a roles table:
-- Stave has exactly two kinds of account, and a flag cannot hold an unknown role.
ALTER TABLE accounts ADD COLUMN operator BOOLEAN NOT NULL DEFAULT FALSE;

-- A summary of every import and library scan (whoever ran it: the CLI, the server's first-start
-- seeding, a test), so the console can show the last runs and their reports after the process
-- that ran them is gone. kind: import | scan. source: the format and files, or the scanned roots.
-- summary: the report as the command printed it (skips and problems capped as printed there).
-- Kept to the newest 50 of each kind (RunReports prunes on insert).
CREATE TABLE run_reports (
  id          ${id_type} PRIMARY KEY,
  kind        TEXT NOT NULL,
  source      TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  completed   BOOLEAN NOT NULL,
  headline    TEXT NOT NULL,
  summary     TEXT NOT NULL
);
CREATE INDEX run_reports_kind ON run_reports (kind, finished_at);

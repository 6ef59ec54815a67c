-- API usage counts per app and hour (the developer portal's charts, the operator console's), kept
-- by every node in memory and added here every few seconds (UsageMeter), so that the rows of all
-- the nodes of one database add up to one figure.
--
-- client_id: the app the request named ('' when it named no registered app, e.g. every ReccoBeats
-- request: that dialect has no keys). hour: whole hours since 1970-01-01T00:00Z. dialect and
-- method: as the face names them (jamendo tracks/file, reccobeats track/recommendation …).
-- status: the face's answer code (Jamendo: the envelope code, 0 = success; ReccoBeats: the HTTP
-- status). requests: answers counted; refused: of them, refused by a rate limit or quota.
CREATE TABLE api_usage (
  client_id TEXT   NOT NULL,
  hour      BIGINT NOT NULL,
  dialect   TEXT   NOT NULL,
  method    TEXT   NOT NULL,
  status    TEXT   NOT NULL,
  requests  BIGINT NOT NULL,
  refused   BIGINT NOT NULL,
  PRIMARY KEY (client_id, hour, dialect, method, status)
);
CREATE INDEX api_usage_hour ON api_usage (hour);

-- Apps registered by their developers in the portal: the account that owns them (null for apps
-- the operator created with the CLI), what they are for, and a plan they asked for that waits for
-- the operator's approval (null: none asked; `stave apps approve-plan` grants it).
ALTER TABLE apps ADD COLUMN owner_user_id BIGINT;
ALTER TABLE apps ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE apps ADD COLUMN requested_plan TEXT;
CREATE INDEX apps_owner_user ON apps (owner_user_id);

-- Subsonic dialect: each account's separate, revocable credentials for music players.
-- password_sealed: the Subsonic password, AES-GCM encrypted with the key in DATA/subsonic.key
--   (salted-token auth needs the password itself, which a hash cannot give back); NULL = none.
-- api_key_hash: SHA-256 (hex) of the OpenSubsonic API key; the key itself is shown once.
CREATE TABLE subsonic_credentials (
  user_id          BIGINT PRIMARY KEY REFERENCES accounts (user_id) ON DELETE CASCADE,
  password_sealed  TEXT,
  password_set_at  TEXT,
  api_key_hash     TEXT UNIQUE,
  api_key_set_at   TEXT
);

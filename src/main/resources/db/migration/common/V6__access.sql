-- Access: applications' OAuth2 registration and plans, and user accounts that can log in.
-- Portable SQL, as V1 (same placeholders, and ${timestamp_type}: TIMESTAMPTZ on PostgreSQL).
--
-- plan: read-only | read-write. secret_hash: the client secret, hashed by Spring Security's
-- DelegatingPasswordEncoder ({bcrypt}…); null until a secret is issued (apps created before V6).
-- redirect_uris: the registered redirect URIs separated by single spaces (a URI has none).
ALTER TABLE apps ADD COLUMN owner TEXT;
ALTER TABLE apps ADD COLUMN plan TEXT NOT NULL DEFAULT 'read-only';
ALTER TABLE apps ADD COLUMN secret_hash TEXT;
ALTER TABLE apps ADD COLUMN redirect_uris TEXT NOT NULL DEFAULT '';

-- A user who can log in (imported users have no account). state: active | disabled.
-- password_hash: DelegatingPasswordEncoder's format ({bcrypt}…), so the algorithm can change.
CREATE TABLE accounts (
  user_id       BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  state         TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

-- The tables of Spring Authorization Server's JdbcOAuth2AuthorizationService and
-- JdbcOAuth2AuthorizationConsentService (oauth2-authorization-schema.sql and
-- oauth2-authorization-consent-schema.sql of spring-security-oauth2-authorization-server 7.0),
-- adapted as Spring's schema file asks for PostgreSQL: blob columns as TEXT, instants as
-- TIMESTAMPTZ (SQLite: TIMESTAMP, stored by the driver as epoch milliseconds). Both databases
-- declare the value columns TEXT: the service inspects the column type once per JVM and must find
-- the same on both.
CREATE TABLE oauth2_authorization (
  id                            TEXT NOT NULL PRIMARY KEY,
  registered_client_id          TEXT NOT NULL,
  principal_name                TEXT NOT NULL,
  authorization_grant_type      TEXT NOT NULL,
  authorized_scopes             TEXT DEFAULT NULL,
  attributes                    TEXT DEFAULT NULL,
  state                         TEXT DEFAULT NULL,
  authorization_code_value      TEXT DEFAULT NULL,
  authorization_code_issued_at  ${timestamp_type} DEFAULT NULL,
  authorization_code_expires_at ${timestamp_type} DEFAULT NULL,
  authorization_code_metadata   TEXT DEFAULT NULL,
  access_token_value            TEXT DEFAULT NULL,
  access_token_issued_at        ${timestamp_type} DEFAULT NULL,
  access_token_expires_at       ${timestamp_type} DEFAULT NULL,
  access_token_metadata         TEXT DEFAULT NULL,
  access_token_type             TEXT DEFAULT NULL,
  access_token_scopes           TEXT DEFAULT NULL,
  oidc_id_token_value           TEXT DEFAULT NULL,
  oidc_id_token_issued_at       ${timestamp_type} DEFAULT NULL,
  oidc_id_token_expires_at      ${timestamp_type} DEFAULT NULL,
  oidc_id_token_metadata        TEXT DEFAULT NULL,
  refresh_token_value           TEXT DEFAULT NULL,
  refresh_token_issued_at       ${timestamp_type} DEFAULT NULL,
  refresh_token_expires_at      ${timestamp_type} DEFAULT NULL,
  refresh_token_metadata        TEXT DEFAULT NULL,
  user_code_value               TEXT DEFAULT NULL,
  user_code_issued_at           ${timestamp_type} DEFAULT NULL,
  user_code_expires_at          ${timestamp_type} DEFAULT NULL,
  user_code_metadata            TEXT DEFAULT NULL,
  device_code_value             TEXT DEFAULT NULL,
  device_code_issued_at         ${timestamp_type} DEFAULT NULL,
  device_code_expires_at        ${timestamp_type} DEFAULT NULL,
  device_code_metadata          TEXT DEFAULT NULL
);
-- Every API call with a token looks it up by value; the grant endpoint by code or refresh token;
-- the consent step by state; the account page by user.
CREATE INDEX oauth2_authorization_access ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_refresh ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization (state);
CREATE INDEX oauth2_authorization_principal ON oauth2_authorization (principal_name, registered_client_id);

CREATE TABLE oauth2_authorization_consent (
  registered_client_id TEXT NOT NULL,
  principal_name       TEXT NOT NULL,
  authorities          TEXT NOT NULL,
  PRIMARY KEY (registered_client_id, principal_name)
);

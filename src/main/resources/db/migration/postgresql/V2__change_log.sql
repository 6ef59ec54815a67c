-- Every catalog write appends here in the same transaction; the search index (and, across
-- nodes, every replica) catches up by reading past its last applied sequence number.
CREATE TABLE change_log (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type TEXT NOT NULL,
  entity_id   BIGINT NOT NULL
);

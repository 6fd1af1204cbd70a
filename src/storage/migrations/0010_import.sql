-- Keys of records imported from other systems, so that re-running an import changes nothing.
CREATE TABLE import_keys (
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  source TEXT NOT NULL,
  key TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (centre_id, source, entity, key)
);

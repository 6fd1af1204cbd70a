-- A user's version changes whenever anything a Principal is built from changes (roles, sections,
-- restricted access, name, disabled). Authentication checks the session/token row and this number
-- on every request and reuses the rest from memory while the version is unchanged.
ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

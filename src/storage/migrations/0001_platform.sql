-- Platform foundation: centres (tenants), organisation, users and sessions, audit log.
-- Every table holding a centre's data carries centre_id (the tenant key) so that many gminas can
-- share one PostgreSQL and it can later be distributed by that key.
-- Dialect tokens: {{ID}} identity primary key, {{C}} byte-wise collation for key/sort columns.

CREATE TABLE centres (
  id {{ID}},
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  teryt TEXT NOT NULL,
  street TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

-- Permissions are data: role → permission (module.action). Loaded at start; listed by GET /roles.
CREATE TABLE roles (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE TABLE role_permissions (
  role TEXT NOT NULL REFERENCES roles(code),
  permission TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);

CREATE TABLE units (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  parent_id BIGINT REFERENCES units(id),
  kind TEXT NOT NULL CHECK (kind IN ('division','department','branch','specialised')),
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '',
  offer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX units_centre ON units(centre_id, parent_id);

CREATE TABLE sections (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  number INTEGER NOT NULL,
  name TEXT NOT NULL,
  street TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  locality TEXT NOT NULL DEFAULT '',
  UNIQUE (centre_id, number)
);

-- A section's territory: house-number ranges of streets within a locality.
-- parity: all | odd | even; num_from/num_to NULL = open end. Keys are ICU-folded for matching.
CREATE TABLE street_ranges (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  section_id BIGINT NOT NULL REFERENCES sections(id),
  locality TEXT NOT NULL,
  street TEXT NOT NULL,
  locality_key TEXT {{C}} NOT NULL,
  street_key TEXT {{C}} NOT NULL,
  parity TEXT NOT NULL CHECK (parity IN ('all','odd','even')),
  num_from INTEGER,
  num_to INTEGER
);
CREATE INDEX street_ranges_lookup ON street_ranges(centre_id, locality_key, street_key);
CREATE INDEX street_ranges_section ON street_ranges(centre_id, section_id);

CREATE TABLE users (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  login TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  restricted_access INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);
CREATE TABLE user_roles (
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL REFERENCES roles(code),
  PRIMARY KEY (user_id, role)
);
CREATE TABLE user_sections (
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  section_id BIGINT NOT NULL REFERENCES sections(id),
  PRIMARY KEY (user_id, section_id)
);

-- Sessions and API tokens are stored by the SHA-256 of the secret only.
CREATE TABLE sessions (
  token_hash TEXT {{C}} PRIMARY KEY,
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT {{C}} NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Brute-force protection per client address (per account: users.failed_logins/locked_until).
CREATE TABLE login_throttle (
  address TEXT {{C}} PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT
);

-- Insert-only, hash-chained audit log; one chain per centre. audit_head holds the chain's tip so
-- that removing the newest entries is detected too. Triggers below forbid UPDATE and DELETE.
CREATE TABLE audit_log (
  centre_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  user_id BIGINT,
  user_login TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL DEFAULT '',
  entity_id BIGINT,
  person_id BIGINT,
  purpose TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (centre_id, seq)
);
CREATE INDEX audit_person ON audit_log(centre_id, person_id, seq);
CREATE INDEX audit_user ON audit_log(centre_id, user_id, seq);
CREATE INDEX audit_at ON audit_log(centre_id, at);

CREATE TABLE audit_head (
  centre_id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);

-- Break-the-glass: time-limited access to one record outside the user's scope, with a reason.
CREATE TABLE break_glass (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  granted_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX break_glass_user ON break_glass(user_id, entity, entity_id);

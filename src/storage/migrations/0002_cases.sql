-- Persons and households ("środowiska"): the minimum the platform scopes and audits.
-- Search keys: *_key are ICU-folded (ł→l, no diacritics, lower case); *_sort are Polish collation keys.

CREATE TABLE households (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  section_id BIGINT REFERENCES sections(id),
  worker_id BIGINT REFERENCES users(id),
  locality TEXT NOT NULL,
  street TEXT NOT NULL,
  building TEXT NOT NULL,
  flat TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  family_type TEXT NOT NULL,
  -- restricted categories present in this household (comma list: violence, health, addiction)
  restricted TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX households_section ON households(centre_id, section_id);
CREATE INDEX households_worker ON households(centre_id, worker_id);

CREATE TABLE persons (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  pesel TEXT {{C}},
  document_type TEXT NOT NULL DEFAULT '',
  document_number TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  first_name_key TEXT {{C}} NOT NULL,
  last_name_key TEXT {{C}} NOT NULL,
  name_sort TEXT {{C}} NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('K','M')),
  citizenship TEXT NOT NULL DEFAULT 'PL',
  phone TEXT NOT NULL DEFAULT '',
  -- restricted categories (only for staff with restricted access)
  health_note TEXT NOT NULL DEFAULT '',
  addiction_note TEXT NOT NULL DEFAULT '',
  violence_note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (centre_id, pesel)
);
CREATE INDEX persons_name ON persons(centre_id, last_name_key, first_name_key);

CREATE TABLE household_members (
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  relation TEXT NOT NULL,
  since TEXT NOT NULL,
  until TEXT,
  PRIMARY KEY (household_id, person_id, since)
);
CREATE INDEX household_members_person ON household_members(centre_id, person_id);

-- Applications (wnioski) and environmental interviews (wywiady środowiskowe), with their statutory
-- deadlines stored when computed (the rules in force on the day of receipt apply), and per-register
-- yearly numbering shared by applications, decisions and payment lists.

CREATE TABLE register_counters (
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  register TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (centre_id, register, year)
);

CREATE TABLE applications (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  number TEXT NOT NULL,
  household_id BIGINT NOT NULL REFERENCES households(id),
  applicant_id BIGINT NOT NULL REFERENCES persons(id),
  mode TEXT NOT NULL CHECK (mode IN ('application', 'ex_officio')),
  received_on TEXT NOT NULL,
  urgent INTEGER NOT NULL DEFAULT 0,
  complex INTEGER NOT NULL DEFAULT 0,
  forms TEXT NOT NULL,    -- comma list of form-of-help codes (rules/procedure.h)
  reasons TEXT NOT NULL,  -- comma list of art. 7 codes in force on received_on
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided', 'withdrawn')),
  interview_due TEXT NOT NULL,
  decision_due TEXT NOT NULL,
  closed_on TEXT,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  UNIQUE (centre_id, number)
);
CREATE INDEX applications_household ON applications(centre_id, household_id);
CREATE INDEX applications_open ON applications(centre_id, status, decision_due);

CREATE TABLE interviews (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  application_id BIGINT REFERENCES applications(id),
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'update', 'change')),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
  due_on TEXT NOT NULL,
  worker_id BIGINT REFERENCES users(id),
  conducted_on TEXT,
  -- JSON object of the questionnaire's parts: family, housing, health (restricted), income,
  -- reasons, assessment, proposed_help
  parts TEXT NOT NULL DEFAULT '{}',
  created_at BIGINT NOT NULL,
  completed_at BIGINT
);
CREATE INDEX interviews_household ON interviews(centre_id, household_id);
CREATE INDEX interviews_due ON interviews(centre_id, status, due_on);

-- Administrative decisions with their KPA life (state and dates), the history of transitions,
-- and per-centre decision templates (placeholders {{…}}, see modules/decisions/template.h).

CREATE TABLE decisions (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  number TEXT,  -- given at approval, in the yearly register "D"
  application_id BIGINT REFERENCES applications(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  kind TEXT NOT NULL CHECK (kind IN ('grant', 'refuse', 'change', 'suspend', 'withdraw')),
  form TEXT NOT NULL,
  period_from TEXT,
  period_to TEXT,
  amount_grosze BIGINT NOT NULL DEFAULT 0,      -- monthly for periodic forms, one-off otherwise
  calculated_grosze BIGINT,                     -- what the statutory calculator gave
  household_size INTEGER,
  income_grosze BIGINT,
  calculation TEXT NOT NULL DEFAULT '[]',       -- JSON list of explanation sentences
  amount_justification TEXT NOT NULL DEFAULT '',
  reasoning TEXT NOT NULL DEFAULT '',
  changes_decision_id BIGINT REFERENCES decisions(id),
  payment_method TEXT NOT NULL DEFAULT 'cash' CHECK (payment_method IN ('transfer', 'cash')),
  iban TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft',
  issued_on TEXT,
  delivered_on TEXT,
  appeal_deadline TEXT,
  appealed_on TEXT,
  final_on TEXT,
  outcome_on TEXT,
  created_by BIGINT REFERENCES users(id),
  approved_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  UNIQUE (centre_id, number)
);
CREATE INDEX decisions_household ON decisions(centre_id, household_id);
CREATE INDEX decisions_state ON decisions(centre_id, state, period_to);

CREATE TABLE decision_events (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  action TEXT NOT NULL,
  state TEXT NOT NULL,
  on_date TEXT NOT NULL,
  note TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id),
  at BIGINT NOT NULL
);
CREATE INDEX decision_events_decision ON decision_events(centre_id, decision_id);

CREATE TABLE decision_templates (
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  name TEXT NOT NULL,  -- which text: legal_basis, appeal_instruction, header
  body TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (centre_id, name)
);

-- Payment lists span the whole centre: only roles that see every section read or manage them.
INSERT INTO role_permissions (role, permission) VALUES
 ('pracownik', 'decisions.write'), ('kierownik', 'decisions.write'), ('swiadczenia', 'decisions.write'),
 ('kierownik', 'decisions.approve'), ('dyrektor', 'decisions.approve'),
 ('swiadczenia', 'payments.manage'), ('swiadczenia', 'payments.read'), ('dyrektor', 'payments.read'),
 ('dyrektor', 'org.templates'), ('administrator', 'org.templates');

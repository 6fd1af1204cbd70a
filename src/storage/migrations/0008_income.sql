-- Income items per household member and month (art. 8 ust. 3 u.p.s.), as declared or documented.
CREATE TABLE income_items (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  month TEXT NOT NULL,  -- YYYY-MM received
  type TEXT NOT NULL,
  amount_grosze BIGINT NOT NULL CHECK (amount_grosze >= 0),
  tax_grosze BIGINT NOT NULL DEFAULT 0,
  health_grosze BIGINT NOT NULL DEFAULT 0,
  social_grosze BIGINT NOT NULL DEFAULT 0,
  alimony_paid_grosze BIGINT NOT NULL DEFAULT 0,
  hectares_e4 BIGINT NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',  -- document: "zaświadczenie pracodawcy", "oświadczenie"
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX income_items_household ON income_items(centre_id, household_id, month);

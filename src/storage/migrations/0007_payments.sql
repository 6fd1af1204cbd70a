-- Payments planned from binding decisions, corrections when a decision ends early, and payment
-- lists (by date and method) that are exported to the bank or the cash desk.

ALTER TABLE centres ADD COLUMN bank_iban TEXT NOT NULL DEFAULT '';
ALTER TABLE centres ADD COLUMN payment_day INTEGER NOT NULL DEFAULT 10;

CREATE TABLE payment_lists (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  number TEXT NOT NULL,
  payment_date TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('transfer', 'cash')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  UNIQUE (centre_id, number)
);

CREATE TABLE payments (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  decision_id BIGINT NOT NULL REFERENCES decisions(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  person_id BIGINT NOT NULL REFERENCES persons(id),
  form TEXT NOT NULL,
  month TEXT NOT NULL DEFAULT '',  -- YYYY-MM for periodic benefits
  due_on TEXT NOT NULL,
  amount_grosze BIGINT NOT NULL,   -- negative: a correction to be recovered
  kind TEXT NOT NULL DEFAULT 'regular' CHECK (kind IN ('regular', 'correction')),
  method TEXT NOT NULL CHECK (method IN ('transfer', 'cash')),
  iban TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'sent', 'paid', 'returned', 'cancelled', 'to_recover', 'recovered')),
  list_id BIGINT REFERENCES payment_lists(id),
  status_on TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX payments_decision ON payments(centre_id, decision_id);
CREATE INDEX payments_due ON payments(centre_id, status, method, due_on);
CREATE INDEX payments_list ON payments(centre_id, list_id);

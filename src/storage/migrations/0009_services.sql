-- Non-cash help and services delivered (meals, in-kind help, shelter, care services, sheltered
-- flats, residential care, funeral, crisis intervention, specialised counselling), and social work:
-- dated entries, social contracts, community-service work, activation and referrals. The counts of
-- the yearly reports (e.g. families per form of help, children with meals, counselling by type)
-- are queries over these rows (modules/services/statistics).

CREATE TABLE services (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  person_id BIGINT REFERENCES persons(id),  -- the person served (meals of a child, counselling…)
  decision_id BIGINT REFERENCES decisions(id),
  kind TEXT NOT NULL,     -- see modules/services/kinds.h
  subtype TEXT NOT NULL DEFAULT '',  -- meals: szkola|przedszkole|zlobek|inne; counselling: psychologiczne|prawne|rodzinne|uzaleznienia; in-kind: zywnosc|odziez|srodki_czystosci
  place TEXT NOT NULL DEFAULT '',    -- flat, shelter or care home name/number
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 0),  -- meals, hours, consultations, packages
  fee_grosze BIGINT NOT NULL DEFAULT 0 CHECK (fee_grosze >= 0),  -- e.g. the family's share of a care-home fee
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX services_period ON services(centre_id, kind, date_from, date_to);
CREATE INDEX services_household ON services(centre_id, household_id);

CREATE TABLE social_work (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL CHECK (kind IN ('entry', 'contract', 'community_work', 'activation', 'referral')),
  person_id BIGINT REFERENCES persons(id),
  on_date TEXT NOT NULL,       -- entry date, contract signed, month of work, activation start, referral
  until_date TEXT,             -- contract end
  review_on TEXT,              -- contract review
  hours INTEGER NOT NULL DEFAULT 0 CHECK (hours >= 0),  -- community-service work
  subtype TEXT NOT NULL DEFAULT '',  -- activation: internship|job|training; referral: the partner institution
  description TEXT NOT NULL DEFAULT '',  -- entry text; contract goals and obligations of both sides
  outcome TEXT NOT NULL DEFAULT '',      -- contract: achieved|partly|not_achieved|broken
  worker_id BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX social_work_household ON social_work(centre_id, household_id);
CREATE INDEX social_work_kind ON social_work(centre_id, kind, on_date);

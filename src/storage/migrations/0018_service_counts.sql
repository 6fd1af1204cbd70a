-- Exact report counts (issue 4 §6): what a service delivers is dated where it happens, sheltered flats
-- have a register with their places, and a care-home placement carries the shares of its fee.

-- Dated quantities of a service record: each consultation on its day, meals or care hours of a month
-- on the day of the school's or the carer's statement, packages on the day given. A period's quantity
-- is the sum of the deliveries dated in it, so consecutive periods add up to their union.
-- services.quantity stays as the record's total (kept by the services module).
CREATE TABLE service_deliveries (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  service_id BIGINT NOT NULL REFERENCES services(id),
  on_date TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX service_deliveries_service ON service_deliveries(centre_id, service_id);
CREATE INDEX service_deliveries_date ON service_deliveries(centre_id, on_date);
-- Records made before were undated: their quantity is dated on the last day of their period. Stays
-- (a sheltered flat, a care home) deliver nothing — they last.
INSERT INTO service_deliveries (centre_id, service_id, on_date, quantity, created_by, created_at)
  SELECT centre_id, id, date_to, quantity, created_by, created_at FROM services
  WHERE quantity > 0 AND kind NOT IN ('mieszkanie_chronione', 'dps');

-- The centre's sheltered flats (art. 53 u.p.s.), organisational data: name or number, places, the time
-- the flat is run. A residence (services, kind mieszkanie_chronione) names its flat.
CREATE TABLE sheltered_flats (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  places INTEGER NOT NULL CHECK (places BETWEEN 1 AND 50),
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (centre_id, name)
);
ALTER TABLE services ADD COLUMN flat_id BIGINT REFERENCES sheltered_flats(id);
CREATE INDEX services_flat ON services(centre_id, flat_id);
-- Flats named in residences recorded before enter the register, open from their first residence, with
-- as many places as persons ever lived there (at least 1, at most 50) — for the centre to check.
INSERT INTO sheltered_flats (centre_id, name, places, opened_on, created_at)
  SELECT centre_id, place,
         CASE WHEN COUNT(DISTINCT person_id) > 50 THEN 50 WHEN COUNT(DISTINCT person_id) < 1 THEN 1
              ELSE COUNT(DISTINCT person_id) END,
         MIN(date_from), MIN(created_at)
  FROM services WHERE kind = 'mieszkanie_chronione' GROUP BY centre_id, place;
UPDATE services SET flat_id = (SELECT f.id FROM sheltered_flats f WHERE f.centre_id = services.centre_id AND
                               f.name = services.place)
  WHERE kind = 'mieszkanie_chronione';

-- A care-home placement (kind dps): the home's average monthly cost and the monthly shares of the resident
-- and the family (art. 61 ust. 2 pkt 1–2 u.p.s.); the gmina pays the difference (pkt 3). NULL for
-- placements recorded before.
ALTER TABLE services ADD COLUMN cost_grosze BIGINT CHECK (cost_grosze > 0);
ALTER TABLE services ADD COLUMN resident_fee_grosze BIGINT CHECK (resident_fee_grosze >= 0);
ALTER TABLE services ADD COLUMN family_fee_grosze BIGINT CHECK (family_fee_grosze >= 0);

-- The gmina's resolutions applied by the calculators (rules/gmina.h), per centre and dated: the share of
-- the difference paid as zasiłek okresowy (art. 38 ust. 3 u.p.s.: 50–100 %) and the maximum amount of one
-- decision of zasiłek celowy and of specjalny zasiłek celowy (the statutory cap of art. 41 pkt 1 — the
-- criterion — stays a rule). valid_to is inclusive; NULL = until repealed. Rows of one kind do not
-- overlap (checked by modules/gmina, which serialises the centre's changes).
CREATE TABLE gmina_resolutions (
  id {{ID}},
  centre_id BIGINT NOT NULL REFERENCES centres(id),
  kind TEXT NOT NULL CHECK (kind IN ('zasilek_okresowy_percent', 'zasilek_celowy_max', 'specjalny_zasilek_celowy_max')),
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  percent INTEGER,
  amount_grosze BIGINT,
  resolution TEXT NOT NULL,  -- "uchwała nr … Rady … z dnia …"
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  CHECK ((kind = 'zasilek_okresowy_percent' AND percent BETWEEN 50 AND 100 AND amount_grosze IS NULL)
      OR (kind <> 'zasilek_okresowy_percent' AND amount_grosze > 0 AND percent IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX gmina_resolutions_centre ON gmina_resolutions(centre_id, kind, valid_from);

-- Read by those who draft or sign decisions and by those who set the resolutions (org.write: dyrektor,
-- administrator); written with org.write.
INSERT INTO role_permissions (role, permission)
SELECT DISTINCT role, 'gmina.read' FROM role_permissions
WHERE permission IN ('decisions.write', 'decisions.approve', 'org.write');

-- The income assessment and the eligibility re-check read a household's members on a date, and the
-- re-check reads them for ranges of household ids (income/service.cpp): an index that serves both
-- (the primary key starts with household_id but the planner would prefer (centre_id, person_id)).
CREATE INDEX household_members_household ON household_members(centre_id, household_id);

-- Surname-prefix search reads persons in Polish order straight from an index (one bounded range of
-- the collation key per spelling), never sorting all matches. For section-scoped users the range is
-- read per scope part: persons.section_id and persons.worker_id mirror the section and the assigned
-- worker of the person's current household (NULL: in no household / not assigned), kept in step by
-- the cases module whenever memberships change (cases::sync_person_scope).
-- (The subqueries use the index household_members(centre_id, person_id): linear, not quadratic.)
ALTER TABLE persons ADD COLUMN section_id BIGINT REFERENCES sections(id);
ALTER TABLE persons ADD COLUMN worker_id BIGINT REFERENCES users(id);
UPDATE persons SET
  section_id = (SELECT h.section_id FROM household_members m JOIN households h ON h.id = m.household_id
                WHERE m.centre_id = persons.centre_id AND m.person_id = persons.id AND m.until IS NULL LIMIT 1),
  worker_id = (SELECT h.worker_id FROM household_members m JOIN households h ON h.id = m.household_id
               WHERE m.centre_id = persons.centre_id AND m.person_id = persons.id AND m.until IS NULL LIMIT 1);
CREATE INDEX persons_sort ON persons(centre_id, name_sort);
CREATE INDEX persons_section_sort ON persons(centre_id, section_id, name_sort);
CREATE INDEX persons_worker_sort ON persons(centre_id, worker_id, name_sort);

-- Surname-prefix search reads persons in Polish order straight from an index (one bounded range of
-- the collation key per spelling), never sorting all matches. For section-scoped users the range is
-- read per section: persons.section_id mirrors the section of the person's current household
-- (NULL: in no household), kept in step by the cases module whenever memberships change.
ALTER TABLE persons ADD COLUMN section_id BIGINT REFERENCES sections(id);
UPDATE persons SET section_id = (
  SELECT h.section_id FROM household_members m JOIN households h ON h.id = m.household_id
  WHERE m.person_id = persons.id AND m.until IS NULL LIMIT 1);
CREATE INDEX persons_sort ON persons(centre_id, section_id, name_sort);

-- persons.household_id mirrors the person's current household (NULL: in none), like section_id and
-- worker_id (0012), kept in step by cases::sync_person_scope on every membership change. The person
-- card — the most frequent read of personal data — then needs one row instead of a lookup of the
-- memberships (docs/benchmarks.md).
ALTER TABLE persons ADD COLUMN household_id BIGINT REFERENCES households(id);
UPDATE persons SET household_id =
  (SELECT m.household_id FROM household_members m
   WHERE m.centre_id = persons.centre_id AND m.person_id = persons.id AND m.until IS NULL LIMIT 1);

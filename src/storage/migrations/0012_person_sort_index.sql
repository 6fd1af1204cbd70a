-- Surname-prefix search reads persons in Polish order straight from this index (one bounded range
-- of the collation key per spelling), never sorting all matches.
CREATE INDEX persons_sort ON persons(centre_id, name_sort);

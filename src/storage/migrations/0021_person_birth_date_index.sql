-- The likely-duplicate warning at person registration (issue 4 §1, "similar spelling") reads the persons of
-- the centre born on the new person's birth date and compares their folded names by edit distance in C++
-- (cases::find_duplicates); this index makes that one short range instead of a scan of the centre.
CREATE INDEX persons_birth_date ON persons(centre_id, birth_date);

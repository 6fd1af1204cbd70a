-- Person details the case file needs (issue: addresses, contact, education, employment and
-- labour-office status, disability degree) and merging of duplicates.
ALTER TABLE persons ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN registered_address TEXT NOT NULL DEFAULT '';  -- adres zameldowania
ALTER TABLE persons ADD COLUMN education TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN employment TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN labour_office TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN disability TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN merged_into BIGINT REFERENCES persons(id);
ALTER TABLE household_members ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';

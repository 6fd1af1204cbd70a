-- Search of households by address (issue 4 §1), read in Polish order straight from an index like the
-- surname search (0012): street_sort is the street's ICU collation key (hex), one bounded range per
-- spelling of the typed prefix; street_key and locality_key are ICU-folded (no diacritics, ł → l,
-- lower case) as in street_ranges; house_sort orders house and flat numbers by their numeric value
-- ("000012a 000003" for building 12a, flat 3 — cases::address_keys). The keys need ICU, which SQL
-- cannot compute: existing rows get them from the migration step cases::fill_address_keys, run in
-- this migration's transaction (cases::migration_steps). For section-scoped users the range is read
-- per scope part, as for persons: by section and by assigned worker.
ALTER TABLE households ADD COLUMN street_key TEXT {{C}} NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN street_sort TEXT {{C}} NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN locality_key TEXT {{C}} NOT NULL DEFAULT '';
ALTER TABLE households ADD COLUMN house_sort TEXT {{C}} NOT NULL DEFAULT '';
CREATE INDEX households_street ON households(centre_id, street_sort, locality_key, house_sort, id);
CREATE INDEX households_section_street ON households(centre_id, section_id, street_sort, locality_key, house_sort, id);
CREATE INDEX households_worker_street ON households(centre_id, worker_id, street_sort, locality_key, house_sort, id);

-- The actual address (adres faktycznego pobytu) beside the registered one (adres zameldowania, 0011).
ALTER TABLE persons ADD COLUMN actual_address TEXT NOT NULL DEFAULT '';

-- A person without PESEL is identified by a document: registering the same document again is refused,
-- which needs the lookup by document number to be an index seek.
CREATE INDEX persons_document ON persons(centre_id, document_number);

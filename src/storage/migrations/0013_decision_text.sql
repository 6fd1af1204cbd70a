-- The text of a decision as it was signed (JSON of the printed parts: addressee, legal basis, ruling,
-- reasoning, appeal instruction, signatory). Written once at approval; NULL for drafts. Decisions signed
-- before this migration keep printing from the current templates (their text was not recorded).
ALTER TABLE decisions ADD COLUMN issued_text TEXT;

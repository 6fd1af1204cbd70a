-- Income due for a period and received at once (art. 8 ust. 12 u.p.s.): the months it is due for
-- ("YYYY-MM", inclusive). NULL for income of the month it was received.
ALTER TABLE income_items ADD COLUMN period_from TEXT;
ALTER TABLE income_items ADD COLUMN period_to TEXT;

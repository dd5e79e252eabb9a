-- Placeholder: migration 008 belongs to the CSV import speed-up branch (issue 15). This file only
-- keeps the numbers consecutive on branch i13 so that 009 applies; delete it when merging that 008.
SELECT 1;

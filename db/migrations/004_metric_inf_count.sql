-- ±Infinity points counted apart from NaN (nan_count counts NaN only): a diverged run's "1 inf,
-- 788 NaN" must not read "788 NaN/Inf". NULL = not counted yet (a metric imported before this
-- version); lrscope counts it from the stored points the first time the run is read.
ALTER TABLE metrics ADD COLUMN inf_count INTEGER;

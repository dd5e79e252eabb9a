-- Two more things kept per points chunk, written with the chunk at import (issue 15):
-- fine_entries: the chunk summarised every 32 points (same entry layout as `entries`, which is
--   every 256 points), so a query whose buckets are 32–255 points wide merges entries instead of
--   decoding every point: a full-range query's cost no longer falls as the data grows.
-- stats: the chunk's whole-data figures (count, NaN/inf counts, first/last points, first/last
--   finite points, minimum with its step, trapezoid area and its ends, non-finite stretches;
--   little-endian Float64, layout in src-main/db/chunk-stats.ts), so series.stats adds chunk figures and
--   decodes only the chunks at the edges of its ranges instead of every point of every run.
-- Both are NULL for chunks written before this version until the data step of this migration fills them.
ALTER TABLE metric_chunk_summaries ADD COLUMN fine_entries BLOB;
ALTER TABLE metric_chunk_summaries ADD COLUMN stats BLOB;

-- Two more things kept per points chunk, written with the chunk at import (issue 15), each in its
-- own table so metric_chunk_summaries rows stay small (a range query scans them to find chunks):
-- metric_chunk_fine_summaries: the chunk summarised every 32 points (same entry layout as
--   metric_chunk_summaries.entries, which is every 256 points), so a query whose buckets are
--   32–255 points wide merges entries instead of decoding every point: a full-range query's cost
--   no longer falls off a cliff as the data grows.
-- metric_chunk_stats: the chunk's whole-data figures (count, NaN/inf counts, first/last points,
--   first/last finite points, minimum with its step, trapezoid area and its ends, non-finite
--   stretches; little-endian Float64, layout in src-main/db/chunk-stats.ts), so series.stats adds
--   chunk figures and decodes only the chunks at the edges of its ranges instead of every point.
-- Chunks written before this version get both from the data step of this migration.
CREATE TABLE metric_chunk_fine_summaries (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  entries   BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE metric_chunk_stats (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  stats     BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

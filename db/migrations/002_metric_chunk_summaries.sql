-- A summary of every points chunk, written with the chunk at import: its step range and count,
-- and one entry per 256 points (first/last step, count, first value, min, max, NaN count;
-- little-endian Float64). A zoomed-out series query reads these entries instead of decoding every
-- point, so a 10-million-point metric answers in milliseconds. This small table is also what a
-- query scans to find the chunks of a step range: reading even the step columns of
-- metric_chunks rows costs SQLite a walk through their 256 KiB of overflow pages.
CREATE TABLE metric_chunk_summaries (
  metric_id  INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  step_first REAL NOT NULL,
  step_last  REAL NOT NULL,
  count      INTEGER NOT NULL,
  entries    BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

-- Each points chunk summarised every 2,048 points (issue 15), the top of a pyramid of summaries
-- every ×8: 32 points (metric_chunk_fine_summaries), 256 (metric_chunk_summaries.entries), 2,048
-- (here; same entry layout). A series query reads the coarsest level whose entries are no wider
-- than its buckets, so it merges between one and eight entries a bucket at any data size: its cost
-- grows with the chunks in range and never falls as the data grows (a 10M-point query used to
-- merge 39,000 256-point entries, more than a 1M-point one decodes). Chunks written before this
-- version get theirs from the data step of this migration (merged from their 256-point entries).
CREATE TABLE metric_chunk_wide_summaries (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  entries   BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;

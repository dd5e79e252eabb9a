-- metric_chunk_fine_summaries becomes a rowid table (issue 15: import cost). Its rows are one
-- 28,672-byte blob per chunk (512 entries × 7 Float64). A WITHOUT ROWID table is a b-tree of
-- index cells, which keep at most ~16 KB on the leaf page with 64 KiB pages, and only ~8 KB of a
-- longer cell: each row spilled ~20 KB onto a 64 KiB overflow page of its own, and a 1M-row ×
-- 4-column import wrote 14.1 MB of pages for 5.3 MB of summaries (twice: to the WAL, then at the
-- checkpoint). A rowid table keeps a row of up to ~64 KB on its leaf: two rows a page, 6.1 MB. SQLite advises WITHOUT ROWID only for rows
-- under ~1/20 of a page (sqlite.org/withoutrowid.html, section 4). The other summary tables stay
-- as they are: their rows (3.6 KB, 450 B, 144 B) fit their leaves without overflow.
-- Same key, same cascade from metric_chunks; every row is kept. The old table is renamed first so
-- the new one is created under its own name (ALTER TABLE … RENAME of the new one would store a
-- quoted name in the schema); nothing refers to this table, so the rename rewrites no other table.
ALTER TABLE metric_chunk_fine_summaries RENAME TO metric_chunk_fine_summaries_009;

CREATE TABLE metric_chunk_fine_summaries (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  entries   BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
);

INSERT INTO metric_chunk_fine_summaries (metric_id, seq, entries)
  SELECT metric_id, seq, entries FROM metric_chunk_fine_summaries_009 ORDER BY metric_id, seq;

DROP TABLE metric_chunk_fine_summaries_009;

-- metric_chunks and metric_chunk_fine_summaries become rowid tables (issue 15: import cost), with
-- the same columns, the same key (metric_id, seq) and the same cascades. Both hold rows larger
-- than SQLite's advice for WITHOUT ROWID (rows under ~1/20 of a page: sqlite.org/withoutrowid.html,
-- section 4): a WITHOUT ROWID table is a b-tree of index cells, which keep at most ~16 KB of a row
-- on its leaf page (64 KiB pages), only ~8 KB of a longer one, the rest on overflow pages; and a
-- key comparison against a cell that overflows reads the whole cell first (btree.c,
-- sqlite3BtreeIndexMoveto). So
-- - metric_chunks (a chunk's 128 KiB of values): every seek by key read whole chunks: looking up
--   one chunk's count took ~100-170 µs instead of 3-5 µs, and each of the four summary rows an
--   import writes per chunk checks its foreign key by such a seek (~25 ms of a 1M-row × 4-column
--   import). As a rowid table the key lives in a small index (sqlite_autoindex_metric_chunks_1).
-- - metric_chunk_fine_summaries (28,672 bytes a chunk): each row spilled ~20 KB onto a 64 KiB
--   overflow page of its own: 14.1 MB of pages for 5.3 MB of summaries per 1M-row × 4-column
--   import, written twice (to the WAL, then at the checkpoint). A rowid table keeps a row of up to
--   ~64 KB on its leaf: two rows a page, 6.1 MB.
-- The other chunk tables stay WITHOUT ROWID: their rows (3.6 KB, 450 B, 144 B) never overflow.
-- The new tables are created here under temporary names; the data step (src-main/db/migrate-data.ts,
-- chunkTablesAsRowid) moves the rows a row at a time, deleting each old one as it goes (its pages
-- are reused: the file does not grow by a second copy of the points), then drops the old tables and
-- gives the new ones their names.
CREATE TABLE metric_chunks_010 (
  metric_id  INTEGER NOT NULL REFERENCES metrics(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  step_first REAL NOT NULL,
  step_last  REAL NOT NULL,
  count      INTEGER NOT NULL,
  steps      BLOB NOT NULL,
  vals       BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq)
);

CREATE TABLE metric_chunk_fine_summaries_010 (
  metric_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  entries   BLOB NOT NULL,
  PRIMARY KEY (metric_id, seq),
  FOREIGN KEY (metric_id, seq) REFERENCES metric_chunks (metric_id, seq) ON DELETE CASCADE
);

// The short seeded fuzz run inside `npm test` (the long one: `npm run fuzz -- --cases 5000`), and a
// property over made-up CSV text: whatever the bytes, an import either creates a run or refuses
// with an ImportError naming the file, and a refused import leaves the database as it was.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/api/errors';
import { importPaths } from '../index';
import { freshDbEachTest, snapshot } from '../test-support';
import { runFuzz } from './run';

describe('fuzz', () => {
  it('300 seeded mutations of every sample format: no uncaught error, a message with the file, the database unchanged on failure, within 10 s and 300 MB each', async () => {
    const summary = await runFuzz({ cases: 300, seed: 20261129 });
    expect(summary.failures).toEqual([]);
    expect(summary.cases).toBe(300);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.refused).toBeGreaterThan(0);
  }, 170_000);
});

describe('any CSV-like text', () => {
  const t = freshDbEachTest();
  const token = fc.constantFrom('step', 'loss', 'lr', '0', '1', '2', '-1', '1.5', '1e400', 'NaN', 'nan', 'inf', '', ',', ',', ',', '\t', ';', '"', '""', '\n', '\n', '\n', '\r\n', '\r', ' ', 'x', 'é', '\u0000');

  it('imports or is refused with the file named, leaving the database as it was', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 80 }), async (tokens) => {
        const file = join(t.dir, `p${n++}.csv`);
        writeFileSync(file, tokens.join(''));
        const before = snapshot(t.db);
        try {
          const summary = await importPaths(t.db, [file], { format: 'csv' });
          expect(summary.runs).toHaveLength(1);
          expect(summary.runs[0]!.metrics.every((m) => m.points > 0)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(ApiError);
          expect((err as Error).message.startsWith(`${file}: `)).toBe(true);
          expect(snapshot(t.db)).toBe(before);
        }
      }),
      { numRuns: 300, seed: 20261129 },
    );
  }, 120_000);
});

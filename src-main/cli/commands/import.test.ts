import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seriesFromJson } from '../../../src-shared/api/series-json';
import type { ImportSummary } from '../../../src-shared/api/import-types';
import type { SeriesJson } from '../../../src-shared/api/series-types';
import { openDatabase } from '../../db/database';
import { snapshot } from '../../db/points-snapshot';
import { sample, tempFolder } from '../../import/test-support';
import { memoryIo } from '../test-io';
import { importCommand } from './import';
import { seriesCommand } from './series';

let folder: ReturnType<typeof tempFolder>;
let dbFile: string;

beforeEach(() => {
  folder = tempFolder();
  dbFile = join(folder.dir, 'cli.sqlite');
});

afterEach(() => folder.remove());

const io = memoryIo;

it('lrscope import --json prints one summary; lrscope series reads a metric back', async () => {
  const out = io();
  expect(await importCommand([sample('keras/brats2020_csvlogger/training.log'), '--db', dbFile, '--name', 'brats', '--json'], out)).toBe(0);
  expect(out.stdout).toHaveLength(1);
  const summary = JSON.parse(out.stdout[0]!) as ImportSummary;
  expect(summary.runs[0]).toMatchObject({ name: 'brats', format: 'keras-csv' });
  expect(summary.runs[0]!.metrics.find((m) => m.name === 'lr')).toEqual({ name: 'lr', role: 'lr', points: 24, nanCount: 0, infCount: 0 });

  const series = io();
  const code = await seriesCommand(['--db', dbFile, '--run', String(summary.runs[0]!.id), '--metric', 'lr', '--from', '20', '--max-points', '100', '--json'], series);
  expect(code).toBe(0);
  const s = seriesFromJson(JSON.parse(series.stdout[0]!) as SeriesJson);
  expect(Array.from(s.steps)).toEqual([20, 21, 22, 23]);
  expect(s.values[3]).toBe(1e-6);
});

it('a failed import throws the located error (main prints it, exit 1) and writes nothing', async () => {
  const { db } = openDatabase(dbFile);
  const before = snapshot(db);
  db.close();
  const bad = join(folder.dir, 'bad.csv');
  writeFileSync(bad, 'step,loss\n0,1\n1\n');
  await expect(importCommand([bad, '--db', dbFile], io())).rejects.toThrow(/bad\.csv: line 3: expected 2 fields, found 1/);
  const { db: after } = openDatabase(dbFile);
  expect(snapshot(after)).toBe(before);
  after.close();
});

it('refuses an unknown format and a missing --run', async () => {
  await expect(importCommand([sample('keras/brats2020_csvlogger/training.log'), '--db', dbFile, '--format', 'xls'], io())).rejects.toThrow(/--format must be one of/);
  await expect(seriesCommand(['--db', dbFile, '--metric', 'lr'], io())).rejects.toThrow(/--run ID is required/);
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { UploadArea } from './uploads';

let dir: string;
let area: UploadArea;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lrscope-uploads-'));
  area = new UploadArea(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('names an uploaded file by the name it was picked with, and a run read from a batch folder by the files in it', () => {
  const batch = area.batchDir('b1');
  mkdirSync(join(batch, 'logs'), { recursive: true });
  for (const f of ['events.out.tfevents.2', 'events.out.tfevents.1']) writeFileSync(join(batch, f), '');
  expect(area.label(join(batch, 'logs', 'metrics.csv'))).toBe('upload:logs/metrics.csv');
  expect(area.label(batch)).toBe('upload:events.out.tfevents.1, events.out.tfevents.2, logs');
  expect(area.label('/elsewhere/metrics.csv')).toBe('/elsewhere/metrics.csv');
  for (const f of ['a', 'b', 'c']) writeFileSync(join(batch, f), '');
  expect(area.label(batch)).toBe('upload:a, b, c and 3 more');
});

// `lrscope --help` and `lrscope COMMAND --help` for every command; ranges include both ends everywhere.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriesFromJson } from '../../src-shared/api/series-json';
import type { SeriesJson } from '../../src-shared/api/series-types';
import { evaluate, parseSpec, type ScheduleSpec } from '../../src-shared/schedule/index';
import { tempFolder } from '../import/test-support';
import { main } from './main';
import { memoryIo } from './test-io';

const io = memoryIo;

const COMMANDS = ['serve', 'info', 'runs', 'import', 'series', 'eval', 'events'];

describe('help', () => {
  it('lrscope --help lists every command, exit 0', async () => {
    const out = io();
    expect(await main(['--help'], out)).toBe(0);
    for (const name of COMMANDS) expect(out.text()).toContain(`lrscope ${name} `);
  });

  it.each(COMMANDS)('lrscope %s --help: exit 0, every option with its default or "required"', async (name) => {
    const out = io();
    expect(await main([name, '--help'], out)).toBe(0);
    const text = out.text();
    expect(text).toMatch(new RegExp(`^usage: lrscope ${name} `));
    const options = text.split('\n').filter((l) => /^ {2}--/.test(l) && !l.includes('--help'));
    expect(options.length).toBeGreaterThan(0);
    for (const line of options) expect(line).toMatch(/\(default: .+\)$|required/);
  });

  it('--help anywhere among the options, even with others that would be refused', async () => {
    const out = io();
    expect(await main(['series', '--db', 'x.sqlite', '--help'], out)).toBe(0);
    expect(out.text()).toContain('--max-points N');
  });
});

const STAIRS = JSON.stringify({ kind: 'piecewise_constant', boundaries: [10, 20], values: [0.5, 0.25, 0.125] });
const COSINE = { kind: 'cosine_decay_restarts', learning_rate: 0.3, first_decay_steps: 10 };
/** The engine's rates for the parsed spec (defaults filled in), to compare the CLI's output with. */
function engine(spec: object, from: number, toExcluded: number): number[] {
  const parsed = parseSpec(spec);
  if (!parsed.ok) throw new Error('bad spec');
  return Array.from(evaluate(parsed.spec as ScheduleSpec, from, toExcluded));
}

describe('ranges include both ends', () => {
  it('events: a drop at --to is listed, one at --from too', async () => {
    const out = io();
    expect(await main(['events', '--spec', STAIRS, '--from', '11', '--to', '21'], out)).toBe(0);
    expect((JSON.parse(out.text()) as { step: number }[]).map((e) => e.step)).toEqual([11, 21]);
    const before = io();
    await main(['events', '--spec', STAIRS, '--from', '12', '--to', '20'], before);
    expect(JSON.parse(before.text())).toEqual([]);
  });

  it('eval: --from 10 --to 20 is 11 rates, the engine\'s own', async () => {
    const out = io();
    expect(await main(['eval', '--spec', JSON.stringify(COSINE), '--from', '10', '--to', '20'], out)).toBe(0);
    const rates = JSON.parse(out.text()) as number[];
    expect(rates).toEqual(engine(COSINE, 10, 21));
  });

  describe('series', () => {
    let folder: ReturnType<typeof tempFolder>;
    beforeEach(() => void (folder = tempFolder()));
    afterEach(() => folder.remove());
    it('--from 2 --to 4 is steps 2, 3 and 4', async () => {
      const csv = join(folder.dir, 'run.csv');
      writeFileSync(csv, `step,loss\n${[0, 1, 2, 3, 4, 5, 6].map((s) => `${s},${1 / (s + 1)}`).join('\n')}\n`);
      const db = join(folder.dir, 'db.sqlite');
      expect(await main(['import', csv, '--db', db, '--json'], io())).toBe(0);
      const out = io();
      expect(await main(['series', '--db', db, '--run', '1', '--metric', 'loss', '--from', '2', '--to', '4'], out)).toBe(0);
      expect(Array.from(seriesFromJson(JSON.parse(out.text()) as SeriesJson).steps)).toEqual([2, 3, 4]);
    });
  });
});

describe('lrscope eval over a range', () => {
  it('--every N: steps from, from+N, … up to --to (included when on the stride)', async () => {
    const out = io();
    await main(['eval', '--spec', STAIRS, '--from', '0', '--to', '30', '--every', '10'], out);
    expect(JSON.parse(out.text())).toEqual([0.5, 0.5, 0.25, 0.125].map(Math.fround));
    const csv = io();
    await main(['eval', '--spec', STAIRS, '--from', '5', '--to', '27', '--every', '11', '--csv'], csv);
    expect(csv.text()).toBe(`step,lr\n5,${Math.fround(0.5)}\n16,${Math.fround(0.25)}\n27,${Math.fround(0.125)}\n`);
  });

  it('streams: a range longer than one block comes in several chunks, and adds up to the engine\'s rates', async () => {
    const out = io();
    expect(await main(['eval', '--spec', JSON.stringify(COSINE), '--to', '199999'], out)).toBe(0);
    expect(out.stdout.length).toBeGreaterThan(3);
    expect(JSON.parse(out.text())).toEqual(engine(COSINE, 0, 200_000));
  });

  it('stdin jobs as CSV: job,step,lr; non-finite as nan', async () => {
    const jobs = JSON.stringify([{ spec: { kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 10 }, steps: [0, 11] }]);
    const out = io(jobs);
    expect(await main(['eval', '--csv'], out)).toBe(0);
    expect(out.text()).toMatch(/^job,step,lr\n0,0,0\.004\d*\n0,11,nan\n$/);
  });

  it('bad ranges: exit 2, the reason on stderr, nothing on stdout', async () => {
    for (const args of [['--from', '5', '--to', '4'], ['--to', '10', '--every', '0'], ['--from', '-1', '--to', '3']]) {
      const out = io();
      expect(await main(['eval', '--spec', STAIRS, ...args], out)).toBe(2);
      expect(out.stdout).toEqual([]);
      expect(out.stderr.join('')).toMatch(/--from and --to|--every/);
    }
    const noTo = io();
    expect(await main(['eval', '--spec', STAIRS], noTo)).toBe(2);
    expect(noTo.stderr.join('')).toContain('--to is required');
  });
});

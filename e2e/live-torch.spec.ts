// A real training loop (Debian's python3-torch) writes a CSV row per step into a watched folder;
// lrscope follows it to the end, and the stored points are exactly the file's numbers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriesFromJson } from '../src-shared/api/series-json';
import { callApi } from './api';
import { expect, test } from './fixtures';
import { startServe } from './serve';

const PYTHON = '/usr/bin/python3'; // Debian's, with python3-torch (.ci/run installs it)
const STEPS = 300;

test.skip(({ shell }) => shell !== 'browser', 'runs lrscope serve --logdir');

test('a real PyTorch training loop is watched to the end; every stored point is the file’s', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  expect(existsSync(PYTHON), 'Debian python3 with python3-torch').toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'lrscope-torch-'));
  const logdir = join(dataDir, 'runs');
  mkdirSync(join(logdir, 'tiny_mlp_onecycle'), { recursive: true });
  const log = join(logdir, 'tiny_mlp_onecycle', 'metrics.csv');
  const server = await startServe(join(dataDir, 'lrscope.sqlite'), ['--logdir', logdir]);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    const trainer = spawn(PYTHON, [join(import.meta.dirname, 'train_tiny.py'), log, String(STEPS)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    trainer.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const finished = new Promise<number | null>((resolve) => trainer.once('exit', resolve));

    const link = page.getByRole('complementary', { name: 'Runs' }).getByRole('link', { name: /tiny_mlp_onecycle/ });
    await link.click();
    await expect(link.getByRole('status', { name: 'Live run' })).toBeVisible();
    const lossRow = page.getByRole('table', { name: 'Metrics' }).getByRole('row').filter({ has: page.getByRole('cell', { name: 'loss', exact: true }) });
    // Seen mid-training: some steps stored, not all yet.
    await expect.poll(async () => Number((await lossRow.locator('td').nth(2).textContent())?.replace(/,/g, '')), { intervals: [100] }).toBeGreaterThan(20);
    const midway = Number((await lossRow.locator('td').nth(2).textContent())?.replace(/,/g, ''));
    await page.screenshot({ path: testInfo.outputPath('live-torch-training.png') });
    expect(await finished, stderr).toBe(0);
    expect(midway).toBeLessThan(STEPS);

    await expect(lossRow).toContainText(`${STEPS}`);
    await expect(lossRow).toContainText(`0 – ${(STEPS - 1).toLocaleString('en-US')}`);
    await page.screenshot({ path: testInfo.outputPath('live-torch-finished.png') });

    // The file's own numbers (Python wrote repr() floats, which parse back to the same doubles).
    const rows = readFileSync(log, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    expect(rows).toHaveLength(STEPS);
    // The event stream is behind the token like every API call (the page sends it as a header).
    expect((await request.get(`${server.origin}/api/events`)).status()).toBe(401);
    expect((await request.get(`${server.origin}/api/events?token=${server.token}`)).status()).toBe(401);
    const run = (await callApi(request, server, 'runs.list', {})).find((r) => r.name === 'tiny_mlp_onecycle')!;
    for (const [col, metric] of [[1, 'loss'], [2, 'lr']] as const) {
      const s = seriesFromJson(await callApi(request, server, 'series.get', { runId: run.id, metric, maxPoints: 100_000 }));
      expect([...s.steps]).toEqual(rows.map((r) => r[0]));
      expect([...s.values]).toEqual(rows.map((r) => r[col]));
    }
  } finally {
    await context.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

import { openDatabase } from '../src-main/db/database';
import { callApi } from './api';
import { expect, test } from './fixtures';

test.skip(({ shell }) => shell !== 'browser', 'the server going away is browser mode (the Electron window has no server)');

// The runs list after the server was away (a restart): the failed read is shown with a Retry, and
// the list is read again on its own once the server answers (the event stream reconnecting).
test('a failed read of the runs list shows the error and a Retry, and recovers when the server is back', async ({ app, request }, testInfo) => {
  const { page } = app;
  await callApi(request, app.server!, 'runs.create', { name: 'survives the outage' });
  // The server unreachable for the list and the event stream, as during a restart.
  await page.route('**/api/runs.list', (route) => route.abort('connectionrefused'));
  await page.route('**/api/events', (route) => route.abort('connectionrefused'));
  await page.reload();
  const runs = page.getByRole('complementary', { name: 'Runs' });
  const failure = runs.getByRole('alert').filter({ hasText: 'The runs could not be read' });
  await expect(failure).toContainText('Failed to fetch');
  await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible();
  // Not mistaken for an empty workspace.
  await expect(page.getByRole('heading', { name: 'Start by bringing in a run or a schedule' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('runs-list-failed.png') });

  // Retry while the list still fails: the error stays.
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(failure).toContainText('Failed to fetch');

  // The server answers again: the event stream reconnects and the list is read without a click.
  await page.unroute('**/api/runs.list');
  await page.unroute('**/api/events');
  await expect(runs.getByRole('link', { name: /survives the outage/ })).toBeVisible();
  await expect(failure).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('runs-list-recovered.png') });
});

test('the Retry button reads the list again', async ({ app, request }) => {
  const { page } = app;
  await callApi(request, app.server!, 'runs.create', { name: 'read on retry' });
  await page.route('**/api/events', (route) => route.abort('connectionrefused')); // no automatic retry here
  await page.route('**/api/runs.list', (route) => route.abort('connectionrefused'));
  await page.reload();
  const runs = page.getByRole('complementary', { name: 'Runs' });
  const failure = runs.getByRole('alert').filter({ hasText: 'The runs could not be read' });
  await expect(failure).toBeVisible();
  await page.unroute('**/api/runs.list');
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(runs.getByRole('link', { name: /read on retry/ })).toBeVisible();
  await expect(failure).toHaveCount(0);
});

// A schedule stored by a version whose spec this one cannot read: the run view says so, by name.
test('a stored schedule spec that no longer parses is an error in the run view, not a missing schedule', async ({ app, request }, testInfo) => {
  const { page } = app;
  const run = await callApi(request, app.server!, 'runs.create', { name: 'old schedule' });
  const spec = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.96 };
  const saved = await callApi(request, app.server!, 'schedules.save', { name: 'edited by hand', spec });
  await callApi(request, app.server!, 'schedules.attach', { scheduleId: saved.id, runIds: [run.id] });
  const { db } = openDatabase(app.dbFile);
  db.prepare('UPDATE schedules SET spec_json = ? WHERE id = ?').run(JSON.stringify({ ...spec, decay_steps: -5 }), saved.id);
  db.close();

  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/') && asked.push(new URL(r.url()).pathname.split('/').pop()!));
  await page.goto(`${app.server!.url}#/runs/${run.id}`);
  const section = page.getByRole('group', { name: 'Attached schedule' });
  await expect(section.getByText('edited by hand', { exact: true })).toBeVisible();
  await expect(section.getByRole('alert')).toHaveText('schedule "edited by hand" cannot be drawn: its stored spec does not parse (decay_steps: must be > 0)');
  await page.screenshot({ path: testInfo.outputPath('unreadable-schedule.png') });
  // The run came with its schedule read: one runs.get, no schedules.get after it.
  expect(asked.filter((m) => m === 'runs.get')).toHaveLength(1);
  expect(asked).not.toContain('schedules.get');
});

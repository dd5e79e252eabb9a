import { events, parseSpec, SEED_PRESETS } from '../src-shared/schedule/index';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/designer';

test.skip(({ shell }) => shell !== 'browser', 'sets up runs and checks storage through the browser-mode API');
import { callApi } from './api';


test('the staircase exponential_decay preset is drawn stepped, with drops at steps 10, 20, 30, 40, 50', async ({ app }, testInfo) => {
  const designer = new DesignerPage(app.page);
  await designer.open();
  await designer.openPreset('exponential_decay, staircase');

  await expect(designer.page.getByRole('textbox', { name: 'from step' })).toHaveValue('0');
  await expect(designer.page.getByRole('textbox', { name: 'to step' })).toHaveValue('59');
  await expect(designer.field('decay_steps')).toHaveValue('10');
  await expect(designer.page.getByRole('checkbox', { name: 'staircase', exact: true })).toBeChecked();

  // Stepped and six flat stairs over 60 points: a sloped curve has 60 levels, a linear join fails `path`.
  const [series] = await designer.drawnSeries(1);
  expect(series).toEqual({ label: 'exponential_decay, staircase', path: 'stepped', drawn: 'stepped', points: 60, levels: 6, scale: 'lr', dots: false });
  // The marks the plugin actually drew, read back from the chart.
  await expect(designer.chart).toHaveAttribute('data-marks', '10,20,30,40,50');

  const rows = await designer.eventRows();
  expect(rows.map((r) => r[0])).toEqual(['10', '20', '30', '40', '50']);
  expect(rows.map((r) => r[1])).toEqual(['drop 1', 'drop 2', 'drop 3', 'drop 4', 'drop 5']);
  expect(rows[0]![2]).toBe('0.6 → 0.36');

  await expect(designer.chart.locator('.u-legend')).toContainText('exponential_decay, staircase');
  await designer.page.screenshot({ path: testInfo.outputPath('designer-staircase.png') });
});

test('an invalid decay_steps shows the field message, keeps the last curve and saves nothing', async ({ app }, testInfo) => {
  const designer = new DesignerPage(app.page);
  await designer.open();
  await designer.openPreset('exponential_decay, staircase');
  await designer.drawnSeries(1);

  const decaySteps = designer.field('decay_steps');
  await decaySteps.fill('0');
  await expect(decaySteps).toHaveAttribute('aria-invalid', 'true');
  await expect(decaySteps).toHaveAccessibleDescription(/decay_steps: must be > 0/);
  await expect(designer.page.getByText('decay_steps: must be > 0')).toBeVisible();
  await expect(designer.candidates.getByText('error')).toBeVisible();

  const save = designer.saveButton();
  await expect(save).toBeDisabled();
  await save.click({ force: true });
  await decaySteps.press('Enter');
  await expect(designer.page.getByRole('dialog', { name: 'Save to library' })).toHaveCount(0);

  // The curve keeps its last valid value: still six stairs.
  const [series] = await designer.drawnSeries(1);
  expect(series!.levels).toBe(6);
  await designer.page.screenshot({ path: testInfo.outputPath('designer-invalid.png') });

  const saved = await callApi(designer.page.request, app.server!, 'schedules.list', {});
  expect(saved).toEqual([]);

  // The refusal was the error's doing: a valid value makes Save available again.
  await decaySteps.fill('20');
  await expect(decaySteps).not.toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeEnabled();
  await expect.poll(async () => (await designer.drawnSeries(1))[0]!.levels).toBe(3);
});

test('a saved schedule attached to a run is still there, still attached, after a restart', async ({ app }, testInfo) => {
  const server = app.server!;
  await callApi(app.page.request, server, 'runs.create', { name: 'resnet baseline' });
  await callApi(app.page.request, server, 'runs.create', { name: 'resnet wide' });

  const designer = new DesignerPage(app.page);
  await designer.open();
  await designer.openPreset('exponential_decay, staircase');
  await designer.saveButton().click();
  const saveDialog = designer.page.getByRole('dialog', { name: 'Save to library' });
  await saveDialog.getByRole('textbox', { name: 'Schedule name' }).fill('staircase 0.6');
  await designer.page.keyboard.press('Enter');
  await expect(saveDialog).toHaveCount(0);
  await expect(designer.libraryEntry('staircase 0.6')).toBeVisible();

  await designer.page.getByRole('button', { name: 'Attach to runs…' }).click();
  const attach = designer.page.getByRole('dialog', { name: 'Attach to runs' });
  await attach.getByRole('checkbox', { name: 'resnet baseline' }).check();
  await attach.screenshot({ path: testInfo.outputPath('designer-attach-dialog.png') });
  await attach.getByRole('checkbox', { name: 'resnet baseline' }).press('Enter');
  await expect(attach).toHaveCount(0);
  await expect(designer.library.getByText('exponential_decay · 1 run')).toBeVisible();

  await app.restart();
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  const runs = app.page.getByRole('complementary', { name: 'Runs' });
  await expect(runs.getByRole('link', { name: /resnet baseline/ })).toContainText('staircase 0.6');
  await expect(runs.getByRole('link', { name: /resnet wide/ })).not.toContainText('staircase 0.6');

  const after = new DesignerPage(app.page);
  await after.open();
  await expect(after.library.getByText('exponential_decay · 1 run')).toBeVisible();
  await after.libraryEntry('staircase 0.6').click();
  await expect(after.candidates.getByRole('button', { name: /staircase 0\.6/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(after.field('decay_steps')).toHaveValue('10');
  await after.page.getByRole('button', { name: 'Attach to runs…' }).click();
  const attachAgain = after.page.getByRole('dialog', { name: 'Attach to runs' });
  await expect(attachAgain.getByRole('checkbox', { name: 'resnet baseline' })).toBeChecked();
  await expect(attachAgain.getByRole('checkbox', { name: 'resnet wide' })).not.toBeChecked();
  await after.page.keyboard.press('Escape');
  await expect(attachAgain).toHaveCount(0);
  await after.page.screenshot({ path: testInfo.outputPath('designer-library-after-restart.png') });
});

test('deleting a schedule that a run uses is refused, then done with detach after confirmation', async ({ app }, testInfo) => {
  const server = app.server!;
  const run = await callApi(app.page.request, server, 'runs.create', { name: 'bert base' });
  const parsed = parseSpec({ kind: 'cosine_decay_restarts', learning_rate: 0.3, first_decay_steps: 10 });
  expect(parsed.ok).toBe(true);
  const schedule = await callApi(app.page.request, server, 'schedules.save', { name: 'sgdr', spec: parsed.ok ? (parsed.spec as Record<string, unknown>) : {} });
  await callApi(app.page.request, server, 'schedules.attach', { scheduleId: schedule.id, runIds: [run.id] });

  const designer = new DesignerPage(app.page);
  await designer.open();
  await designer.library.getByRole('button', { name: 'Delete sgdr' }).click();
  const confirm = designer.page.getByRole('dialog', { name: 'Delete schedule' });
  await expect(confirm).toContainText('schedule "sgdr" is attached to 1 run');
  await confirm.screenshot({ path: testInfo.outputPath('designer-delete-refused.png') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(designer.libraryEntry('sgdr')).toBeVisible();

  await designer.library.getByRole('button', { name: 'Delete sgdr' }).click();
  await confirm.getByRole('button', { name: 'Detach and delete' }).click();
  await expect(designer.library.getByText('sgdr')).toHaveCount(0);
  expect(await callApi(app.page.request, server, 'schedules.list', {})).toEqual([]);
  const detail = await callApi(app.page.request, server, 'runs.get', { id: run.id });
  expect(detail.schedule).toBeNull();
});

test('the cosine family preset shows the four cosine variants as four candidates on one chart', async ({ app }, testInfo) => {
  const designer = new DesignerPage(app.page);
  await designer.open();
  await designer.openPreset('cosine family · 4 on one chart');

  const names = ['cosine_decay', 'cosine_decay_restarts', 'linear_cosine_decay', 'noisy_linear_cosine_decay'];
  for (const name of names) await expect(designer.candidates.getByRole('button', { name, exact: true })).toBeVisible();
  const series = await designer.drawnSeries(4);
  expect(series.map((s) => s.label)).toEqual(names);
  expect(series.every((s) => s.points === 60 && s.path === 'linear')).toBe(true);
  await expect(designer.page.getByRole('button', { name: 'Add candidate' })).toBeDisabled();

  // The restart marks are the engine's events for the selected candidate.
  await designer.candidates.getByRole('button', { name: 'cosine_decay_restarts', exact: true }).click();
  const restarts = SEED_PRESETS.find((p) => p.id === 'cosine_decay_restarts')!;
  const expected = events(restarts.spec, 0, 60).map((e) => e.step);
  expect(expected.length).toBeGreaterThan(1);
  await expect(designer.chart).toHaveAttribute('data-marks', expected.join(','));
  await expect(designer.chart).toHaveAttribute('data-mark-count', String(expected.length));
  await designer.page.screenshot({ path: testInfo.outputPath('designer-cosine-family.png') });

  // Duplicate is refused at four; removing one (the selected cosine_decay_restarts) makes room,
  // and the copy can be tweaked.
  await expect(designer.page.getByRole('button', { name: 'Duplicate' })).toBeDisabled();
  await designer.page.getByRole('button', { name: 'Remove' }).click();
  await expect(designer.candidates.getByRole('listitem')).toHaveCount(3);
  await designer.page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(designer.candidates.getByRole('listitem')).toHaveCount(4);
  await designer.field('learning_rate').fill('0.15');
  await expect.poll(async () => (await designer.drawnSeries(4)).map((s) => s.label)).toContain('cosine_decay (copy)');
});

test('switching OneCycleLR → CyclicLR → SequentialLR opens each valid, with no state carried from another kind (issue 9)', async ({ app }) => {
  const designer = new DesignerPage(app.page);
  await designer.open();
  const kind = app.page.getByRole('combobox', { name: 'Schedule kind' });
  for (const k of ['torch.OneCycleLR', 'torch.CyclicLR', 'torch.SequentialLR']) {
    await kind.selectOption(k);
    await expect(app.page.locator('.field-error')).toHaveCount(0);
    await expect(app.page.getByText('is required')).toHaveCount(0);
  }
  await expect(designer.chart).toHaveAttribute('data-series', /torch\.SequentialLR/);
});

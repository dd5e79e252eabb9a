// What tests and benches read from the page is there only when they ask for it (src-renderer/perf.ts):
// a user's page carries no drawn-series attributes and no timing marks; a test's page has both,
// and bench/lib/drawn.ts times an action to the draw it caused.
import { actionToDrawn } from '../bench/lib/drawn';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/designer';

test.skip(({ shell }) => shell !== 'browser', 'opens a second, plain browser page on the browser-mode server');

const drawnMarks = (designer: DesignerPage) => designer.page.evaluate(() => performance.getEntriesByName('lrscope:drawn').length);

test('a plain page draws the designer with no test hooks; a test page reports each draw and times a click to it', async ({ app, browser }) => {
  const context = await browser.newContext();
  try {
    const plain = await context.newPage();
    await plain.goto(app.server!.url);
    const off = new DesignerPage(plain);
    await off.open();
    await off.openPreset('exponential_decay, staircase');
    await expect(off.events.locator('tbody tr')).toHaveCount(5);
    await expect(off.field('decay_steps')).toHaveValue('10');
    // A frame later the chart has drawn the preset (uPlot draws in a microtask at the latest): were
    // the hooks on, its draw and the click would be marked by now (the attributes follow the marks).
    await plain.evaluate(() => new Promise(requestAnimationFrame));
    expect(await drawnMarks(off)).toBe(0);
    expect(await plain.evaluate(() => performance.getEntriesByName('lrscope:click').length)).toBe(0);
    expect(await off.chart.getAttribute('data-series')).toBeNull();
  } finally {
    await context.close();
  }

  const on = new DesignerPage(app.page);
  await on.open();
  await on.openPreset('exponential_decay, staircase');
  const ms = await actionToDrawn(app.page, 'click', [{ chart: 'designer-chart', until: { range: '0-59' } }]);
  expect(ms).toBeGreaterThan(0);
  expect(ms).toBeLessThan(60_000);
  await expect(on.chart).toHaveAttribute('data-marks', '10,20,30,40,50');
  expect(await drawnMarks(on)).toBeGreaterThan(0);
});

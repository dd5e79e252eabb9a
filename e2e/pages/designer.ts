// Page object for the schedule designer: what a user sees and does, in their words.
import { expect, type Locator, type Page } from '@playwright/test';

/** What the chart module reports on its root about each drawn series (see src-renderer/perf.ts). */
export interface DrawnSeries {
  label: string;
  path: 'linear' | 'stepped';
  drawn: 'linear' | 'stepped' | 'none';
  points: number;
  levels: number;
  scale: string;
}

export class DesignerPage {
  readonly chart: Locator;
  readonly presets: Locator;
  readonly library: Locator;
  readonly candidates: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('designer-chart');
    this.presets = page.getByRole('region', { name: 'Presets' });
    this.library = page.getByRole('region', { name: 'Schedule library' });
    this.candidates = page.getByRole('toolbar', { name: 'Candidates' });
    this.events = page.getByRole('region', { name: 'Events' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    await expect(this.chart.locator('canvas')).toBeVisible();
  }

  async openPreset(name: string): Promise<void> {
    await this.presets.getByRole('button', { name, exact: true }).click();
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** The library entry that opens the schedule (its name, then its kind and run count). */
  libraryEntry(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.library.getByRole('button', { name: new RegExp(`^${escaped} `) });
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: /^Save(…)?$/ });
  }

  /** The series the chart drew, once it reports `count` of them. */
  async drawnSeries(count: number): Promise<DrawnSeries[]> {
    let parsed: DrawnSeries[] = [];
    await expect
      .poll(async () => {
        parsed = JSON.parse((await this.chart.getAttribute('data-series')) ?? '[]') as DrawnSeries[];
        return parsed.length === count && parsed.every((s) => s.drawn !== 'none');
      })
      .toBe(true);
    return parsed;
  }

  /** Event rows as [step, event, "before → after"]. */
  async eventRows(): Promise<string[][]> {
    const rows = this.events.locator('tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  }
}

// One import from pick to summary: stage the files, preview what was detected, let the user fix
// the mapping, run the import with progress and cancel, then show the result.
import type { ImportFormat, ImportMapping, ImportPreview, ImportProgress } from '../../src-shared/api/import-types';
import type { ImportJob, MetricRole } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';
import { forgetUpload, stageFiles, type PickedFiles } from '../lib/files';
import { refreshRuns } from '../lib/runs.svelte';

export type Phase = 'pick' | 'staging' | 'previewing' | 'preview' | 'importing' | 'done' | 'failed' | 'cancelled';

const POLL_MS = 150;


export class ImportFlow {
  phase = $state<Phase>('pick');
  error = $state<string | null>(null);
  uploaded = $state({ done: 0, total: 0 });
  preview = $state<ImportPreview | null>(null);
  /** The format the user forces on every source; '' = each source keeps its own detected format. */
  format = $state<ImportFormat | ''>('');
  name = $state('');
  stepColumn = $state<string | undefined>(undefined);
  roles = $state<Record<string, MetricRole>>({});
  skip = $state<string[]>([]);
  job = $state<ImportJob | null>(null);
  private picked: PickedFiles | null = null;

  get progress(): ImportProgress | null {
    return this.job?.progress ?? null;
  }

  async fromFiles(files: File[], folder: boolean): Promise<void> {
    if (files.length === 0) return;
    this.phase = 'staging';
    this.error = null;
    try {
      this.picked = await stageFiles(files, folder, (done, total) => (this.uploaded = { done, total }));
      await this.loadPreview();
    } catch (err) {
      this.fail(errorMessage(err));
    }
  }

  async fromPaths(paths: string[]): Promise<void> {
    this.picked = { paths };
    await this.loadPreview();
  }

  async loadPreview(): Promise<void> {
    if (!this.picked) return;
    this.phase = 'previewing';
    try {
      this.preview = await api['imports.preview']({ paths: this.picked.paths, ...(this.format ? { format: this.format } : {}) });
      const first = this.preview.runs[0];
      this.stepColumn = first?.stepColumn ?? '';
      this.roles = Object.fromEntries(this.preview.runs.flatMap((r) => r.metrics.map((m) => [m.name, m.role])));
      // The Node side's default (what it marks not imported), the same the CLI applies; the user can tick them back.
      const unticked = this.preview.runs.flatMap((r) => r.metrics.filter((m) => !m.imported).map((m) => m.name));
      this.skip = unticked.filter((name, i) => unticked.indexOf(name) === i);
      if (!this.name && this.preview.runs.length === 1) this.name = first!.name;
      this.phase = 'preview';
    } catch (err) {
      this.fail(errorMessage(err));
    }
  }

  async start(): Promise<void> {
    if (!this.picked || !this.preview) return;
    const mapping: ImportMapping = { roles: this.roles, skip: this.skip };
    if (this.preview.runs.length === 1 && this.stepColumn !== undefined) mapping.stepColumn = this.stepColumn;
    try {
      this.job = await api['imports.start']({
        paths: this.picked.paths,
        ...(this.format ? { format: this.format } : {}),
        ...(this.name.trim() ? { name: this.name.trim() } : {}),
        mapping,
      });
      this.phase = 'importing';
      await this.follow();
    } catch (err) {
      this.fail(errorMessage(err));
    }
  }

  async cancel(): Promise<void> {
    if (this.job && this.phase === 'importing') this.job = await api['imports.cancel']({ jobId: this.job.id });
  }

  private async follow(): Promise<void> {
    while (this.job && this.job.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      this.job = await api['imports.progress']({ jobId: this.job.id });
    }
    await forgetUpload(this.picked?.batch);
    if (!this.job) return;
    if (this.job.state === 'done') {
      this.phase = 'done';
      await refreshRuns();
    } else if (this.job.state === 'cancelled') {
      this.phase = 'cancelled';
    } else {
      this.fail(this.job.error ?? 'the import failed');
    }
  }

  private fail(message: string): void {
    this.error = message;
    this.phase = 'failed';
    void forgetUpload(this.picked?.batch);
  }
}

// The registry of import formats: one entry per format the contract names, and the import of a
// previewed folder reads the runs the preview listed (the folder walk is done once).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from '../../src-shared/api/import-types';
import { openServices } from '../services';
import { FORMATS } from './formats';
import { sample, tempFolder } from './test-support';

describe('the format registry', () => {
  it('has exactly one entry for each format the contract and the Format menu name', () => {
    const listed = FORMATS.map((entry) => entry.format);
    expect([...listed].sort()).toEqual([...IMPORT_FORMATS].sort());
  });
});

describe('preview, then import', () => {
  it('imports the runs the preview listed, from its folder walk, not a second one', async () => {
    const folder = tempFolder();
    const services = openServices(join(folder.dir, 'lrscope.sqlite'), 'browser');
    try {
      const logs = join(folder.dir, 'logs');
      mkdirSync(logs);
      copyFileSync(sample('generated/digits_mlp_adam_tf_cosine_decay/metrics.csv'), join(logs, 'first.csv'));
      const preview = await services.imports.preview([logs], undefined);
      expect(preview.runs.map((r) => r.name)).toEqual(['first']);
      // Written after the preview: a second walk would find it, the walk the user checked did not.
      copyFileSync(sample('generated/digits_mlp_adam_tf_cosine_decay/metrics.csv'), join(logs, 'second.csv'));
      const job = services.imports.start([logs], {});
      await expect.poll(() => services.imports.progress(job.id).state).toBe('done');
      expect(services.imports.progress(job.id).summary!.runs.map((r) => r.name)).toEqual(['first']);
      // Without a preview of these paths the import walks them itself.
      const again = services.imports.start([logs], {});
      await expect.poll(() => services.imports.progress(again.id).state).toBe('done');
      expect(services.imports.progress(again.id).summary!.runs.map((r) => r.name)).toEqual(['first', 'second']);
    } finally {
      services.close();
      folder.remove();
    }
  });
});

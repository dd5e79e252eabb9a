// `lrscope info` opens the database alone (not the services, issue 15: start-up); what it prints
// is still what the app's API says about itself.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempFolder } from '../../import/test-support';
import { openServices } from '../../services';
import { memoryIo } from '../test-io';
import { infoCommand } from './info';

const folder = tempFolder();
afterAll(() => folder.remove());

it('lrscope info --json prints the API\'s info (without the shell), for a new and for an existing database', async () => {
  const file = join(folder.dir, 'info.sqlite');
  for (let i = 0; i < 2; i++) {
    const out = memoryIo();
    expect(await infoCommand(['--db', file, '--json'], out)).toBe(0);
    const services = openServices(file, 'browser');
    try {
      const { shell, ...api } = services.info;
      expect(shell).toBe('browser');
      expect(JSON.parse(out.text())).toEqual(api);
      expect(api.schemaVersion).toBeGreaterThan(0);
    } finally {
      services.close();
    }
  }
});

it('lrscope info prints version, database and schema version as lines', async () => {
  const file = join(folder.dir, 'lines.sqlite');
  const out = memoryIo();
  expect(await infoCommand(['--db', file], out)).toBe(0);
  const services = openServices(file, 'browser');
  const { version, schemaVersion } = services.info;
  services.close();
  expect(out.text()).toBe(`lrscope ${version}\ndatabase: ${file}\nschema version: ${schemaVersion}`);
});

// A process of its own for the memory figure of the import bench, so that its peak resident size
// (VmHWM) is the import's alone. `write FILE BYTES` makes the CSV; `import FILE DB` imports it and
// prints {peakRssMb, seconds, rows} as JSON.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src-main/db/database';
import { importPaths } from '../src-main/import';
import { writeCsv } from './import-data';

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

const [command, file, arg] = process.argv.slice(2);
if (command === 'write') {
  await writeCsv(file!, Number.MAX_SAFE_INTEGER, Number(arg));
} else if (command === 'import') {
  const started = performance.now();
  const { db } = openDatabase(arg!);
  const summary = await importPaths(db, [file!]);
  db.close();
  process.stdout.write(JSON.stringify({ peakRssMb: peakRssMb(), seconds: (performance.now() - started) / 1000, rows: summary.rows }));
} else {
  throw new Error('usage: import-rss-child.ts write FILE BYTES | import FILE DB');
}

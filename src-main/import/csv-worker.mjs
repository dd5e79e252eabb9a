// The CSV parse worker as run from the sources (tsx: tests, development): plain JS that registers
// tsx, as bin/lrscope.mjs does, then runs csv-thread.ts. The shipped build bundles csv-thread.ts
// itself as out/cli/csv-worker.mjs (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./csv-thread.ts');

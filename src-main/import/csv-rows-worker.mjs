// The CSV rows worker as the TypeScript sources run it (tests, `tsx`): registers tsx, as
// infer-worker.mjs does, then loads csv-rows-thread.ts. The shipped build bundles that file itself
// into out/cli/csv-rows-worker.mjs (scripts/build.mjs), next to the CLI that starts it.
import { register } from 'tsx/esm/api';

register();
await import('./csv-rows-thread.ts');

// The inference worker as run from the sources (tsx; the CLI, browser mode and tests in
// development): plain JS that registers tsx, as bin/lrscope.mjs does, then runs infer-thread.ts.
// The shipped build bundles infer-thread.ts itself as out/cli/infer-worker.mjs (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./infer-thread.ts');

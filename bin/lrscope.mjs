#!/usr/bin/env node
// `lrscope`: the bundled CLI (out/cli/main.mjs, built by `npm install` and scripts/build.mjs) when
// it was built from the sources as they are; else the TypeScript itself through tsx, so that a
// checkout with edited sources never runs stale code.
import { isFresh } from '../scripts/fresh.mjs'; // not build.mjs: its child_process and crypto slow every start

let main;
if (isFresh('cli')) {
  ({ main } = await import('../out/cli/main.mjs'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src-main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

// One fuzz case through the same service calls as the CLI and the UI (preview, then import), and
// what must hold whatever the input: an error is an ImportError-kind ApiError whose message names a
// file of the case and a reason in words (never a JavaScript error's own text), a failed import
// leaves the database file byte for byte as it was, and a database that took an import is whole.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { ApiError } from '../../../src-shared/api/errors';
import { openServices } from '../../services';
import { importPaths, previewImport } from '../index';
import type { FuzzCase } from './cases';

/** Words that only a JavaScript or system error would put in a message. */
const RAW = /Maximum call stack|Invalid string length|greater than 2 GiB|at position \d|undefined|\[object|ENOENT|EISDIR|ESPIPE|ELOOP|EACCES|TypeError|RangeError|SyntaxError|Cannot read prop|is not a function|\n\s+at /;

export type Outcome = { kind: 'imported'; runs: number } | { kind: 'refused'; message: string };

export class FuzzFailure extends Error {}

function fail(c: FuzzCase, what: string): never {
  throw new FuzzFailure(`case ${c.index} (${c.sample}; ${c.mutations.join(', ')}): ${what}`);
}

/** The message must start with a path of the case (a file in it, or the path given) and give a reason. */
function checkMessage(c: FuzzCase, caseDir: string, err: unknown, during: string): string {
  if (!(err instanceof ApiError)) fail(c, `${during} threw a ${(err as Error)?.name ?? typeof err}: ${String((err as Error)?.stack ?? err)}`);
  const message = err.message;
  if (!message.startsWith(caseDir)) fail(c, `${during}: the message does not name a file of the case: ${message}`);
  const reason = message.slice(message.indexOf(': ') + 2);
  if (reason.length < 8) fail(c, `${during}: no reason in the message: ${message}`);
  if (RAW.test(message)) fail(c, `${during}: a raw error in the message: ${message}`);
  return message;
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export async function runCase(c: FuzzCase, caseDir: string, template: Buffer, dbFile: string): Promise<Outcome> {
  try {
    await previewImport(c.paths);
  } catch (err) {
    checkMessage(c, caseDir, err, 'preview');
  }
  writeFileSync(dbFile, template);
  const before = hash(dbFile);
  const services = openServices(dbFile, 'browser');
  const runsBefore = services.runs.list().length;
  let outcome: Outcome;
  try {
    const summary = await importPaths(services, c.paths);
    if (summary.runs.length === 0) fail(c, 'an import that succeeded created no run');
    outcome = { kind: 'imported', runs: summary.runs.length };
  } catch (err) {
    outcome = { kind: 'refused', message: checkMessage(c, caseDir, err, 'import') };
  }
  try {
    if (services.db.pragma('integrity_check', { simple: true }) !== 'ok') fail(c, 'integrity_check failed');
    const runs = services.runs.list().length;
    if (outcome.kind === 'refused' && runs !== runsBefore) fail(c, `a refused import left ${runs - runsBefore} runs`);
    if (outcome.kind === 'imported' && runs !== runsBefore + outcome.runs) fail(c, 'the runs in the database do not match the summary');
  } finally {
    services.close();
  }
  if (outcome.kind === 'refused') {
    const wal = statSync(`${dbFile}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (hash(dbFile) !== before || wal > 0) fail(c, `a refused import changed the database file (${outcome.message})`);
  }
  return outcome;
}

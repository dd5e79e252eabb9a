// `lrscope export --spec JSON --to torch|keras|tf1|optax|hf`: the schedule as code for a library
// (src-shared/schedule/export, the same function the UI's "Copy as code" menu calls).
import { parseSpec, formatErrors } from '../../../src-shared/schedule/index';
import { exportCode, EXPORT_TARGETS, type ExportTarget } from '../../../src-shared/schedule/export/index';
import { parse, UsageError } from '../args';
import type { Io } from '../output';

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { spec: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
  if (values.spec === undefined) throw new UsageError('--spec is required');
  const target = values.to ?? 'torch';
  if (!(EXPORT_TARGETS as readonly string[]).includes(target)) throw new UsageError(`--to must be one of ${EXPORT_TARGETS.join(', ')}, got "${target}"`);
  let input: unknown;
  try {
    input = JSON.parse(values.spec);
  } catch (err) {
    throw new UsageError(`--spec is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseSpec(input);
  if (!parsed.ok) throw new UsageError(`--spec is not a valid schedule:\n${formatErrors(parsed.errors)}`);
  const made = exportCode(parsed.spec, target as ExportTarget);
  io.out(values.json ? JSON.stringify(made) : made.code);
  return 0;
}

// `lrscope infer --db FILE --run ID [--metric NAME] [--threshold X] [--json]`: the schedule behind
// a run's logged learning rate (the service the run view's offer calls). Exit 1 with a message
// when the run has no learning-rate metric; "nothing fits" is an answer (exit 0, said plainly).
import { databasePath } from '../../config';
import { openServices } from '../../services';
import { intFlag, parse, UsageError } from '../args';
import { table, type Io } from '../output';

export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a number > 0, got "${value}"`);
  return n;
}

export async function inferCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, run: { type: 'string' }, metric: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' } });
  const runId = intFlag(values.run, '--run');
  if (runId === undefined) throw new UsageError('--run ID is required');
  const threshold = numberFlag(values.threshold, '--threshold');
  const services = openServices(databasePath(values.db), 'browser');
  try {
    const result = await services.intel.infer(runId, { ...(values.metric ? { metric: values.metric } : {}), ...(threshold ? { threshold } : {}) });
    const fitting = result.candidates.filter((c) => c.maxRelError <= result.threshold);
    if (values.json) {
      io.out(JSON.stringify(fitting.map((c) => ({ spec: c.spec, maxRelError: c.maxRelError, medianRelError: c.medianRelError, dtype: c.dtype, stepOffset: c.stepOffset, worst: c.worst }))));
      if (!result.fits) io.err(`lrscope infer: ${result.message}`);
      return 0;
    }
    io.out(`run ${runId}, metric "${result.metric}": ${result.points} logged points, threshold ${result.threshold.toExponential(1)}`);
    if (!result.fits) io.out(result.message ?? 'nothing fits');
    io.out(table(['fits', 'max rel error', 'median', 'dtype', 'schedule'], result.candidates.map((c) => [c.maxRelError <= result.threshold ? 'yes' : 'no', c.maxRelError.toExponential(1), c.medianRelError.toExponential(1), c.dtype, c.call])));
    return 0;
  } finally {
    services.close();
  }
}

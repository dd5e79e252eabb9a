// `lrscope drift --db FILE --run ID [--metric NAME] [--tolerance X] [--json]`: where the logged
// learning rate leaves the attached schedule, and the likely cause.
import { databasePath } from '../../config';
import { openServices } from '../../services';
import { intFlag, parse, UsageError } from '../args';
import { table, type Io } from '../output';
import { numberFlag } from './infer';

export async function driftCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, run: { type: 'string' }, metric: { type: 'string' }, tolerance: { type: 'string' }, json: { type: 'boolean' } });
  const runId = intFlag(values.run, '--run');
  if (runId === undefined) throw new UsageError('--run ID is required');
  const tolerance = numberFlag(values.tolerance, '--tolerance');
  const services = openServices(databasePath(values.db), 'browser');
  try {
    const report = services.intel.drift(runId, { ...(values.metric ? { metric: values.metric } : {}), ...(tolerance ? { tolerance } : {}) });
    if (values.json) {
      io.out(JSON.stringify(report));
      return 0;
    }
    io.out(`run ${runId} against "${report.scheduleName}": ${report.pointsAbove} of ${report.points} logged points above ${report.tolerance.toExponential(0)} (max ${report.maxResidual.toExponential(1)})`);
    for (const d of report.diagnoses) io.out(`likely: ${d.message}`);
    if (report.stretches.length) io.out(table(['from step', 'to step', 'max residual', 'at step'], report.stretches.map((s) => [s.fromStep, s.toStep, s.maxResidual.toExponential(2), s.worstStep])));
    return 0;
  } finally {
    services.close();
  }
}
